namespace Penchant.Domain;

/// <summary>A principle distilled from the judgements of a whole tenant, with how many users it describes on their own.</summary>
/// <param name="Principle">The principle over the tenant's pooled judgements (its sources are the signals of every user it agrees with).</param>
/// <param name="Users">How many users have it among their own principles.</param>
public sealed record TenantPrinciple(Principle Principle, int Users);
