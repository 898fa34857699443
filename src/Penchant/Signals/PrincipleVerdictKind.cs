namespace Penchant.Signals;

/// <summary>What a user said about a principle Penchant proposed (<see cref="IPenchant.ExplainAsync"/>).</summary>
public enum PrincipleVerdictKind
{
    /// <summary>The principle is right: it is shown marked confirmed, for as long as the judgements still support it.</summary>
    Confirm,

    /// <summary>The principle is wrong as phrased: it is no longer shown, and the user's own wording becomes a stated preference.</summary>
    Correct,

    /// <summary>The principle is wrong: it is no longer shown.</summary>
    Delete,
}
