namespace Penchant.Evaluation.Evaluators;

/// <summary>What the hygiene evaluation measured.</summary>
/// <param name="Statements">Statements remembered in the repetition test (each preference in three wordings, then the "apart" statements).</param>
/// <param name="Distinct">Distinct preferences among them.</param>
/// <param name="Preferences">Current preferences the engine kept; ideally <paramref name="Distinct"/>.</param>
/// <param name="WrongMerges">Kept preferences whose sources are statements of different preferences (a merge that lost one).</param>
/// <param name="Apart">Statements that share a situation with another but are about something else ("apart" lines), each a distinct preference.</param>
/// <param name="ApartMerged">Wrong merges that took in one of those statements.</param>
/// <param name="Updates">Update cases run.</param>
/// <param name="Correct">Update cases where exactly the revised statement (or nothing, for an unrelated one) was superseded.</param>
/// <param name="Missed">Revisions that superseded nothing.</param>
/// <param name="UnrelatedSuperseded">Preferences superseded that the update did not revise.</param>
/// <param name="MergedUpdates">Updates merged into a background preference instead of being kept (a revision or a new preference lost in a merge).</param>
/// <param name="Issues">One line per duplicate, wrong merge and wrong update, for <c>--verbose</c>.</param>
public sealed record HygieneReport(int Statements, int Distinct, int Preferences, int WrongMerges, int Apart, int ApartMerged, int Updates, int Correct, int Missed, int UnrelatedSuperseded, int MergedUpdates, IReadOnlyList<string> Issues)
{
    /// <summary>Gets the preferences beyond one per distinct preference.</summary>
    public int Duplicates => Math.Max(0, Preferences - Distinct);
}
