namespace Penchant.Deciding;

/// <summary>How a decision chooses among actions from what has been learned.</summary>
public enum DecisionPolicy
{
    /// <summary>Inverse-gap weighting over the online regressor's predictions (SquareCB): exact propensities, the default.</summary>
    InverseGap = 0,

    /// <summary>Linear Thompson sampling: act greedily on a draw from the regressor's posterior.</summary>
    ThompsonSampling = 1,

    /// <summary>LinUCB: the action with the highest upper confidence bound.</summary>
    LinUcb = 2,

    /// <summary>Epsilon-greedy: the predicted best, or with probability ε a uniformly random action.</summary>
    EpsilonGreedy = 3,
}
