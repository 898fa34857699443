namespace Penchant.Selecting;

/// <summary>The features of one (request, preference) pair that the gate weighs.</summary>
internal struct GateFeatures
{
    /// <summary>Cosine similarity of the request to the preference text.</summary>
    public double TextSimilarity;

    /// <summary>Highest cosine similarity of the request to a hinted kind of request.</summary>
    public double HintSimilarity;

    /// <summary>Cosine similarity of the request to the scope text (0 when unscoped).</summary>
    public double ScopeSimilarity;

    /// <summary>Fraction of the preference's content words found in the request.</summary>
    public double Lexical;

    /// <summary>+1 when the request is in the preference's scope, −1 when it is outside it, 0 when unscoped or unknown; for a scope in words, graded in between by similarity.</summary>
    public double ScopeMatch;

    /// <summary>This pair's text similarity minus the best text similarity among the user's preferences (0 for the best).</summary>
    public double Relative;

    /// <summary>1 when the request explicitly overrides this preference for once.</summary>
    public double Overridden;

    /// <summary>1 when the request is certainly outside the preference's scope: the user asks for themself, the scope is someone else's ("books for my son").</summary>
    public double OutOfScope;

    /// <summary>How strongly the preference was stated.</summary>
    public double Strength;

    /// <summary>1 when the preference is a fact with no direction ("I live in Lyon"), which bears on fewer requests than a wish.</summary>
    public double Neutral;

    /// <summary>How the user took answers the preference was applied to: 2 × (acceptance − 0.5), 0 before any reaction.</summary>
    public double Acceptance;
}
