namespace Shop.Payments;

/// <summary>What the gateway decided about a charge it accepted to process.</summary>
public sealed record ChargeResponse(ChargeStatus Status, string? ChargeId, string? DeclineReason);
