namespace Penchant.Evaluation.Simulations;

/// <summary>The simulated environment of <see cref="BanditSimulation"/>.</summary>
public sealed record BanditSettings
{
    /// <summary>Gets the number of rounds (decisions).</summary>
    public int Rounds { get; init; } = 10_000;

    /// <summary>Gets the number of actions.</summary>
    public int Actions { get; init; } = 20;

    /// <summary>Gets the number of simulated users.</summary>
    public int Users { get; init; } = 50;

    /// <summary>Gets the number of hidden taste dimensions.</summary>
    public int Dimensions { get; init; } = 5;

    /// <summary>Gets how strongly a user's taste drives the click probability (the logit's scale).</summary>
    public double Contrast { get; init; } = 1.5;

    /// <summary>Gets the logit's offset: how rare a click is for an average user and item (−2 is about 12%).</summary>
    public double Offset { get; init; } = -2.0;

    /// <summary>Gets the standard deviation of the noise on the user's features the policy sees.</summary>
    public double ObservationNoise { get; init; } = 0.3;

    /// <summary>Gets the seed of the environment and the policies.</summary>
    public int Seed { get; init; } = 17;
}
