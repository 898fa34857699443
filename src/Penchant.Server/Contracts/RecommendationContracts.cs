namespace Penchant.Server.Contracts;

/// <summary>An item recommended as a user's likely next choice.</summary>
/// <param name="Item">The item.</param>
/// <param name="Score">The model's score (higher is likelier).</param>
public sealed record RecommendedItemContract(string Item, double Score);

/// <summary>The items a user is most likely to choose next, best first; empty until the tenant's model is trained.</summary>
/// <param name="Items">The items.</param>
public sealed record RecommendationsResponse(IReadOnlyList<RecommendedItemContract> Items);

/// <summary>What training the tenant's next-item model saw and saved.</summary>
/// <param name="Users">The users whose choices were read.</param>
/// <param name="Items">The distinct items.</param>
/// <param name="Choices">The choices read.</param>
/// <param name="Links">The links between consecutive items the model keeps.</param>
public sealed record SequenceTrainingResponse(int Users, int Items, int Choices, int Links);
