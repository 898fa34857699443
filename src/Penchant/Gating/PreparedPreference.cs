using Penchant.Domain;

namespace Penchant.Gating;

/// <summary>
/// A current preference with what selection reads precomputed once per user state: stems, hint and scope vectors, and the
/// slot values and quantities a request could contradict (see <see cref="Contradiction"/>).
/// </summary>
internal sealed class PreparedPreference(Preference preference, HashSet<string> stems, float[][] hintVectors, float[]? scopeVector, HashSet<string> scopeStems, float[]? chainVector)
{
    public Preference Preference { get; } = preference;

    public HashSet<string> Stems { get; } = stems;

    public float[][] HintVectors { get; } = hintVectors;

    public float[]? ScopeVector { get; } = scopeVector;

    public HashSet<string> ScopeStems { get; } = scopeStems;

    public float[]? ChainVector { get; } = chainVector;

    public string? Recipient { get; } = preference.Scope.Tags.TryGetValue("recipient", out string? r) ? r : null;

    public string? Channel { get; } = preference.Scope.Tags.TryGetValue("channel", out string? c) ? c : null;

    /// <summary>Gets the slot values the preference names (see <see cref="Contradiction"/>).</summary>
    public (int Slot, int Value)[] SlotValues { get; } = Contradiction.Values(preference.Text.ToLowerInvariant());

    /// <summary>Gets the quantities with units the preference names.</summary>
    public (string Number, string Unit)[] Quantities { get; } = Contradiction.Quantities(preference.Text.ToLowerInvariant());
}
