namespace Penchant.Domain;

/// <summary>What was learned across a tenant: principles over the pooled judgements of its users.</summary>
/// <param name="Principles">The principles, most useful first, each with how many users it describes on their own.</param>
/// <param name="Users">How many users were read.</param>
/// <param name="Judgements">How many judgements (comparisons, choices, edits) were pooled.</param>
/// <param name="Truncated">Whether the tenant has more users than were read (see <see cref="PenchantOptions.ExplainMaxUsers"/>).</param>
public sealed record TenantExplanation(IReadOnlyList<TenantPrinciple> Principles, int Users, int Judgements, bool Truncated);
