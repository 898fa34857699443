using System.ComponentModel.DataAnnotations;

namespace Penchant.Domain;

/// <summary>How <see cref="IPenchant.TrainAsync"/> refits a tenant's ranking model from the event log.</summary>
public sealed record TrainingOptions
{
    /// <summary>Gets the number of shared prototypes (tastes) users mix.</summary>
    /// <value>The default is 4.</value>
    [Range(0, 64)]
    public int Prototypes { get; init; } = 4;

    /// <summary>Gets the number of rotation blocks of the skew-symmetric head for intransitive preferences (0 turns it off).</summary>
    /// <value>The default is 0.</value>
    [Range(0, 32)]
    public int SkewRank { get; init; }

    /// <summary>Gets the number of passes over the comparisons.</summary>
    /// <value>The default is 20.</value>
    [Range(1, 1000)]
    public int Epochs { get; init; } = 20;

    /// <summary>Gets the random seed; the same log, options and seed give the same model.</summary>
    /// <value>The default is 17.</value>
    public int Seed { get; init; } = 17;
}
