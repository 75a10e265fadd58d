using Xunit;

// One database with fixed table names for the whole suite: its tests must not run at the same time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
