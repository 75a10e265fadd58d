namespace Ledger.Postings;

/// <summary>
/// A balanced set of legs posted at once under a unique reference: the debits equal the credits, so
/// the legs sum to zero. <see cref="Transfer"/> is the two-leg case.
/// </summary>
public sealed record Journal(string Reference, string Description, IReadOnlyList<Leg> Legs)
{
    /// <summary>Moves <paramref name="amount"/> from one account to another (credit the source, debit the target).</summary>
    public static Journal Transfer(string reference, string from, string to, decimal amount, string description) =>
        new(reference, description, [new Leg(from, -amount), new Leg(to, amount)]);

    /// <summary>Why the journal cannot be posted as it stands, or null when it is well formed.</summary>
    public string? Problem()
    {
        if (string.IsNullOrWhiteSpace(Reference))
        {
            return "a journal needs a reference";
        }

        if (Legs.Count < 2)
        {
            return "a journal needs at least two legs";
        }

        if (Legs.Any(leg => leg.Amount == 0m))
        {
            return "a leg of zero moves nothing";
        }

        if (Legs.Any(leg => decimal.Round(leg.Amount, 2) != leg.Amount))
        {
            return "amounts are in cents (two decimals at most)";
        }

        var sum = Legs.Sum(leg => leg.Amount);
        return sum == 0m ? null : $"the legs sum to {sum} instead of zero";
    }
}
