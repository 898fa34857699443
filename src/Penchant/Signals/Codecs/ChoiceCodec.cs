using System.Text.Json;

namespace Penchant.Signals.Codecs;

/// <summary>A <see cref="Choice"/>: the context as text, the candidates shown and the one chosen as data.</summary>
internal sealed class ChoiceCodec : SignalCodec<Choice>
{
    public override EventKind Kind => EventKind.Choice;

    public override void Validate(Choice signal, SignalRules rules)
    {
        rules.Text(signal.Context, "choice");
        ArgumentNullException.ThrowIfNull(signal.Candidates, "choice");
        if (signal.Candidates.Count < 2)
        {
            throw new ArgumentException("A choice needs at least two candidates shown.", "choice");
        }

        foreach (string candidate in signal.Candidates)
        {
            rules.Text(candidate, "choice");
        }

        if (signal.Chosen < 0 || signal.Chosen >= signal.Candidates.Count)
        {
            throw new ArgumentException($"The chosen index {signal.Chosen} is not one of the {signal.Candidates.Count} candidates.", "choice");
        }
    }

    public override SignalEntry Encode(Choice signal)
        => new(signal.Context.Trim(), Data: JsonSerializer.Serialize(new ChoiceData([.. signal.Candidates], signal.Chosen), RankingJsonContext.Default.ChoiceData));

    public override Choice? Decode(PreferenceEvent entry)
        => entry.Text is not null && SignalPayload.Read(entry.Data, RankingJsonContext.Default.ChoiceData) is { } data
            ? new Choice(entry.Text, data.Candidates, data.Chosen, entry.At)
            : null;
}
