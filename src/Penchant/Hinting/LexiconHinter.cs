using System.Text.Json;
using Penchant.Domain;
using Penchant.Extraction;
using Penchant.Text;

namespace Penchant.Hinting;

/// <summary>
/// Hints from a hand-written lexicon of concepts and the kinds of requests they affect ("latex" → "buying a mattress"),
/// matched against the words of the preference.
/// </summary>
public sealed class LexiconHinter : IApplicabilityHinter
{
    /// <summary>The value of <see cref="ApplicabilityHints.Source"/> for hints from the lexicon.</summary>
    public const string SourceName = "lexicon";

    private const int MaxKinds = 12;
    private static readonly Lazy<Entry[]> Entries = new(Load);

    /// <inheritdoc/>
    public ValueTask<ApplicabilityHints> HintAsync(ExtractedPreference preference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(preference);
        string lower = " " + preference.Text.ToLowerInvariant() + " ";
        HashSet<string> stems = TextTools.ContentStems(preference.Text);
        var kinds = new List<string>();
        foreach (Entry entry in Entries.Value)
        {
            if (entry.Matches(stems, lower))
            {
                foreach (string kind in entry.Kinds)
                {
                    if (kinds.Count < MaxKinds && !kinds.Contains(kind))
                    {
                        kinds.Add(kind);
                    }
                }
            }
        }

        return ValueTask.FromResult(kinds.Count == 0 && preference.ChainsTo is null
            ? ApplicabilityHints.None
            : new ApplicabilityHints { RequestKinds = kinds, ChainsTo = preference.ChainsTo, Source = SourceName });
    }

    private static Entry[] Load()
    {
        using Stream stream = typeof(LexiconHinter).Assembly.GetManifestResourceStream("Penchant.Resources.applicability-lexicon.json")
            ?? throw new InvalidOperationException("The applicability lexicon resource is missing from the Penchant assembly.");
        using JsonDocument document = JsonDocument.Parse(stream);
        var entries = new List<Entry>();
        foreach (JsonElement item in document.RootElement.GetProperty("entries").EnumerateArray())
        {
            var keys = new List<string>();
            foreach (JsonElement key in item.GetProperty("keys").EnumerateArray())
            {
                keys.Add(key.GetString()!.ToLowerInvariant());
            }

            var kinds = new List<string>();
            foreach (JsonElement kind in item.GetProperty("kinds").EnumerateArray())
            {
                kinds.Add(kind.GetString()!);
            }

            entries.Add(new Entry([.. keys], [.. kinds]));
        }

        return [.. entries];
    }

    private sealed record Entry(string[] Keys, string[] Kinds)
    {
        public bool Matches(HashSet<string> stems, string paddedLower)
        {
            foreach (string key in Keys)
            {
                if (key.Contains(' ', StringComparison.Ordinal) || key.Contains('-', StringComparison.Ordinal) || key.Contains('#', StringComparison.Ordinal)
                    ? paddedLower.Contains(key, StringComparison.Ordinal)
                    : stems.Contains(TextTools.Stem(key)) || StemPrefix(stems, key))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool StemPrefix(HashSet<string> stems, string key)
        {
            if (key.Length < 5)
            {
                return false;
            }

            foreach (string stem in stems)
            {
                if (stem.StartsWith(key, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
