using System.ComponentModel.DataAnnotations;

namespace Penchant.Deciding;

/// <summary>Options of decisions and their policy (<see cref="IDecider"/>).</summary>
public sealed class DecidingOptions
{
    /// <summary>Gets or sets the policy decisions use unless one asks for another.</summary>
    /// <value>The default is <see cref="DecisionPolicy.InverseGap"/>.</value>
    public DecisionPolicy Policy { get; set; } = DecisionPolicy.InverseGap;

    /// <summary>
    /// Gets or sets the exploration rate ε: the probability of a uniformly random action, mixed into every policy (for
    /// epsilon-greedy it is the ε), so every action keeps a propensity above ε/K.
    /// </summary>
    /// <value>The default is 0.05.</value>
    [Range(0.0, 1.0)]
    public double ExplorationRate { get; set; } = 0.05;

    /// <summary>Gets or sets how long a decision waits for its reward before it is given <see cref="DefaultReward"/>.</summary>
    /// <value>The default is 10 minutes, as Personalizer's.</value>
    [Range(typeof(TimeSpan), "00:00:00.001", "365.00:00:00")]
    public TimeSpan RewardWait { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Gets or sets the reward of a decision whose reward never came.</summary>
    /// <value>The default is 0.</value>
    [Range(-1_000_000.0, 1_000_000.0)]
    public double DefaultReward { get; set; }

    /// <summary>Gets or sets the size of the hashed feature vector the regressor learns over.</summary>
    /// <value>The default is 64.</value>
    [Range(4, 1024)]
    public int FeatureDimensions { get; set; } = 64;

    /// <summary>Gets or sets how many dimensions a text's embedding is projected to before it is crossed with the other side's features.</summary>
    /// <value>The default is 8.</value>
    [Range(1, 64)]
    public int TextDimensions { get; set; } = 8;

    /// <summary>Gets or sets the prior precision λ of the regressor (the ridge penalty).</summary>
    /// <value>The default is 1.</value>
    [Range(1e-6, 1e6)]
    public double Ridge { get; set; } = 1.0;

    /// <summary>Gets or sets the posterior scale of Thompson sampling (the reward noise's standard deviation assumed).</summary>
    /// <value>The default is 0.25.</value>
    [Range(0.0, 100.0)]
    public double ThompsonScale { get; set; } = 0.25;

    /// <summary>Gets or sets LinUCB's width α: the bound is the prediction plus α standard deviations.</summary>
    /// <value>The default is 0.5.</value>
    [Range(0.0, 100.0)]
    public double UcbWidth { get; set; } = 0.5;

    /// <summary>Gets or sets inverse-gap weighting's scale γ₀; after n rewards γ = γ₀ √(K n).</summary>
    /// <value>The default is 8 (chosen on the bandit simulation's seed 1; see eval/README.md).</value>
    [Range(0.0, 1e6)]
    public double GapScale { get; set; } = 8.0;

    /// <summary>Gets or sets how many posterior draws estimate Thompson sampling's propensities (the decision samples one of them).</summary>
    /// <value>The default is 32.</value>
    [Range(1, 10_000)]
    public int PropensitySamples { get; set; } = 32;

    /// <summary>Gets or sets the most actions one decision may have.</summary>
    /// <value>The default is 1,000.</value>
    [Range(1, 100_000)]
    public int MaxActions { get; set; } = 1_000;

    /// <summary>Gets or sets the most features a context or an action may have.</summary>
    /// <value>The default is 256.</value>
    [Range(1, 100_000)]
    public int MaxFeatures { get; set; } = 256;

    /// <summary>Gets or sets the most decisions a user's policy keeps waiting for rewards; beyond it the oldest gets the default reward.</summary>
    /// <value>The default is 10,000.</value>
    [Range(1, 10_000_000)]
    public int MaxPendingDecisions { get; set; } = 10_000;

    /// <summary>
    /// Gets or sets how many decisions, rewards and activations a user's policy learns between two snapshots written to
    /// the store. The log is the truth: a policy is read back as its last snapshot plus the entries after it, so this
    /// bounds that replay, not what can be lost.
    /// </summary>
    /// <value>The default is 256.</value>
    [Range(1, 1_000_000)]
    public int SnapshotInterval { get; set; } = 256;

    /// <summary>Gets or sets the log time after which the next entry learned writes a snapshot even before <see cref="SnapshotInterval"/> entries.</summary>
    /// <value>The default is one minute.</value>
    [Range(typeof(TimeSpan), "00:00:00", "365.00:00:00")]
    public TimeSpan SnapshotAge { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Gets or sets a value indicating whether a decision whose context and actions have texts ranks the actions against the
    /// user's stated preferences and personal ranking part (<see cref="IPenchant.RankAsync"/>) and gives the policy that
    /// score as a feature (logged with the decision, so a replay needs no ranking).
    /// </summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool UseStatedPreferences { get; set; } = true;

    /// <summary>Gets or sets the seed of the decisions' randomness; a shared, unseeded source when <see langword="null"/>.</summary>
    public int? Seed { get; set; }
}
