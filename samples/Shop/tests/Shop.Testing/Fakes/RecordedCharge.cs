namespace Shop.Testing.Fakes;

public sealed record RecordedCharge(string IdempotencyKey, string Body);
