using Penchant.Domain;
using Penchant.Signals;

namespace Penchant.Learning.Feedback;

/// <summary>What recording a reaction found and changed.</summary>
/// <param name="Classification">How the reaction was read.</param>
/// <param name="Write">The event appended and the preferences created (a correction's wish) or changed (acceptance).</param>
public sealed record ReactionOutcome(ReactionClassification Classification, WriteResult Write);
