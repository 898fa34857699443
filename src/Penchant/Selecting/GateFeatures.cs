namespace Penchant.Selecting;

/// <summary>
/// The features of one (request, preference) pair that the gate weighs. Similarities to the preference's text are made
/// comparable across preferences and requests: each is measured against the preference's own similarity to a background
/// of ordinary requests (<see cref="TextZ"/>) and against the user's other preferences (<see cref="Lead"/>, <see cref="Rank"/>).
/// </summary>
internal struct GateFeatures
{
    /// <summary>The names of the fitted features, in the order of <see cref="CopyTo"/>; a model's weights are stored under them.</summary>
    public static readonly string[] Names =
        ["text_similarity", "text_z", "lead", "rank", "hint_similarity", "scope_similarity", "scope_match", "lexical", "strength", "neutral",
         "crowd", "hint_lead", "has_hints", "knowledge_hint", "neighbourhood", "neighbourhood_lead", "hint_behind"];

    /// <summary>Cosine similarity of the request to the preference text.</summary>
    public double TextSimilarity;

    /// <summary>
    /// <see cref="TextSimilarity"/> as a z-score against the preference's similarities to a fixed background of ordinary
    /// requests: how unusually close this request is, for this preference (a broad preference is close to many requests).
    /// </summary>
    public double TextZ;

    /// <summary>
    /// <see cref="TextZ"/> minus the highest <see cref="TextZ"/> of the user's other preferences: positive only for the
    /// user's best match (by how far it leads), negative for the others (by how far they trail); with no other preference,
    /// <see cref="TextZ"/> itself.
    /// </summary>
    public double Lead;

    /// <summary><c>ln(1 + r)</c> for the preference's rank <c>r</c> by <see cref="TextZ"/> among the user's preferences (0 for the best).</summary>
    public double Rank;

    /// <summary>Highest cosine similarity of the request to a hinted kind of request.</summary>
    public double HintSimilarity;

    /// <summary>Cosine similarity of the request to the scope text (0 when unscoped).</summary>
    public double ScopeSimilarity;

    /// <summary>+1 when the request is in the preference's scope, −1 when it is outside it, 0 when unscoped or unknown; for a scope in words, graded in between by similarity.</summary>
    public double ScopeMatch;

    /// <summary>Fraction of the preference's content words found in the request.</summary>
    public double Lexical;

    /// <summary>How strongly the preference was stated.</summary>
    public double Strength;

    /// <summary>1 when the preference is a fact with no direction ("I am based in Ghent"), which bears on fewer requests than a wish.</summary>
    public double Neutral;

    /// <summary><c>ln(1 + k)</c> for the number <c>k</c> of the user's other preferences whose <see cref="TextZ"/> is within 1 of this one's or above it.</summary>
    public double Crowd;

    /// <summary><see cref="HintSimilarity"/> minus the highest hint similarity among the user's other preferences.</summary>
    public double HintLead;

    /// <summary>1 when the preference has hinted kinds of requests.</summary>
    public double HasHints;

    /// <summary><see cref="HintSimilarity"/> when the request asks how the world is (see <see cref="RequestView.AsksForKnowledge"/>), else 0.</summary>
    public double KnowledgeHint;

    /// <summary>Cosine similarity of the request to the preference's neighbourhood among ordinary requests (see <see cref="GateBackground.Neighbourhood"/>); 0 without one.</summary>
    public double Neighbourhood;

    /// <summary><see cref="Neighbourhood"/> minus the highest <see cref="Neighbourhood"/> of the user's other preferences (itself when alone).</summary>
    public double NeighbourhoodLead;

    /// <summary>
    /// <see cref="HintSimilarity"/> when another of the user's preferences is closer to the request by <see cref="TextZ"/>
    /// (<see cref="Rank"/> above 0), else 0: what lets a second or third applicable preference through on its own evidence
    /// that the request is of a kind it affects, where the features relative to the user's best match (<see cref="Lead"/>,
    /// <see cref="Rank"/>, <see cref="Crowd"/>) count against it.
    /// </summary>
    public double HintBehind;

    /// <summary>1 when the request explicitly overrides this preference for once (a veto, not fitted).</summary>
    public double Overridden;

    /// <summary>1 when the request is certainly outside the preference's scope: the user asks for themself, the scope is someone else's (a veto, not fitted).</summary>
    public double OutOfScope;

    /// <summary>Gets a value indicating whether a veto decides the pair, whatever the model says.</summary>
    public readonly bool IsVetoed => Overridden > 0 || OutOfScope > 0;

    /// <summary>Copies the fitted features into a span, in the order of <see cref="Names"/>.</summary>
    /// <param name="destination">Room for <see cref="Names"/>.Length values.</param>
    public readonly void CopyTo(Span<double> destination)
    {
        destination[0] = TextSimilarity;
        destination[1] = TextZ;
        destination[2] = Lead;
        destination[3] = Rank;
        destination[4] = HintSimilarity;
        destination[5] = ScopeSimilarity;
        destination[6] = ScopeMatch;
        destination[7] = Lexical;
        destination[8] = Strength;
        destination[9] = Neutral;
        destination[10] = Crowd;
        destination[11] = HintLead;
        destination[12] = HasHints;
        destination[13] = KnowledgeHint;
        destination[14] = Neighbourhood;
        destination[15] = NeighbourhoodLead;
        destination[16] = HintBehind;
    }
}
