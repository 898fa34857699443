namespace Penchant.Domain;

/// <summary>Whether a principle was checked by the user it describes.</summary>
public enum PrincipleStatus
{
    /// <summary>Proposed from the user's judgements and kept because it predicts held-back ones; not checked yet.</summary>
    Proposed,

    /// <summary>The user confirmed it (<see cref="Signals.PrincipleVerdictKind.Confirm"/>).</summary>
    Confirmed,
}
