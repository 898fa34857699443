namespace Penchant.Evaluation.Simulations;

/// <summary>A latent taste: a utility over standardized surface factors of real responses.</summary>
/// <param name="Name">The taste's name.</param>
/// <param name="Factor">The surface factor it cares about.</param>
/// <param name="Sign">+1 if it wants more of the factor, −1 if less.</param>
public sealed record Taste(string Name, int Factor, int Sign);
