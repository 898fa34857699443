namespace Penchant.Deciding;

/// <summary>What a user's decision policy has learned so far, for a dashboard and for apprentice mode.</summary>
/// <param name="Decisions">Decisions learned from (activated).</param>
/// <param name="Rewarded">Decisions whose reward came in time.</param>
/// <param name="Defaulted">Decisions whose reward never came and were given the default reward.</param>
/// <param name="Pending">Decisions waiting for a reward.</param>
/// <param name="MeanReward">The mean reward of the decisions closed (rewarded or defaulted).</param>
public sealed record DecisionReport(long Decisions, long Rewarded, long Defaulted, int Pending, double MeanReward)
{
    /// <summary>Gets the number of apprentice decisions closed.</summary>
    public long ApprenticeDecisions { get; init; }

    /// <summary>Gets how often the learned policy would have chosen the application's default action, over apprentice decisions.</summary>
    public double AgreementRate { get; init; }

    /// <summary>Gets the mean reward of the application's default actions, over apprentice decisions.</summary>
    public double DefaultValue { get; init; }

    /// <summary>
    /// Gets the learned policy's estimated value over apprentice decisions: the observed reward where it agreed with the
    /// default, the regressor's prediction (at the time) for its own choice where it did not.
    /// </summary>
    public double LearnedValue { get; init; }
}
