using Penchant.Domain;
using Penchant.Extraction;
using Penchant.Text;

namespace Penchant.Gating;

/// <summary>A request prepared for the gate: its vector, content stems, recognised recipient and channel, override cue, and what it says that a preference could contradict.</summary>
internal sealed class RequestView
{
    public RequestView(RequestContext request, ReadOnlyMemory<float> vector)
    {
        Vector = vector.ToArray();
        Stems = TextTools.ContentStems(request.Text);
        string lower = request.Text.ToLowerInvariant();
        Recipient = request.Attributes.TryGetValue("recipient", out string? recipient)
            ? StatementAnalyzer.RecipientOf(recipient.ToLowerInvariant()) ?? recipient.ToLowerInvariant()
            : StatementAnalyzer.RecipientOf(lower);
        Channel = request.Attributes.TryGetValue("channel", out string? channel)
            ? StatementAnalyzer.ChannelOf(channel.ToLowerInvariant()) ?? channel.ToLowerInvariant()
            : StatementAnalyzer.ChannelOf(lower);
        FamilyMember = Recipient == "family" ? StatementAnalyzer.FamilyMemberOf(request.Attributes.TryGetValue("recipient", out string? named) ? named.ToLowerInvariant() : lower) : null;
        Overrides = PreferenceGate.OverridePattern().IsMatch(request.Text);
        SlotValues = Contradiction.Values(lower);
        Quantities = Contradiction.Quantities(lower);
        Negated = Contradiction.Negated(lower);
    }

    public float[] Vector { get; }

    public HashSet<string> Stems { get; }

    public string? Recipient { get; }

    /// <summary>Gets the family member the request is for ("mother", "father", …) when <see cref="Recipient"/> is the family and it names one.</summary>
    public string? FamilyMember { get; }

    public string? Channel { get; }

    public bool Overrides { get; }

    /// <summary>Gets the slot values the request names (see <see cref="Contradiction"/>).</summary>
    public (int Slot, int Value)[] SlotValues { get; }

    /// <summary>Gets the quantities with units the request names.</summary>
    public (string Number, string Unit)[] Quantities { get; }

    /// <summary>Gets the stems of the words the request negates.</summary>
    public HashSet<string> Negated { get; }
}
