namespace Penchant.Recommending;

/// <summary>An item recommended as a user's next choice.</summary>
/// <param name="Item">The item identifier, as the application's choices named it.</param>
/// <param name="Score">The model's score: higher is likelier; comparable within one recommendation only.</param>
public sealed record NextItem(string Item, double Score);
