using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Penchant.Text;

namespace Penchant.Hygiene;

/// <summary>
/// What a preference statement is about, with its framing ("I'd rather", "please always", "keep … for me") stripped: the
/// everyday things it names, as concepts of a hand-written thesaurus (<c>Resources/object-synonyms.json</c>, so "gangway"
/// and "aisle", "TS" and "TypeScript" are one concept), and the stems of its remaining content words ("Lyon", "Pixel").
/// </summary>
/// <remarks>Thread-safe; keys are immutable and cached per text instance.</remarks>
internal sealed class ObjectKey
{
    private static readonly Lazy<Thesaurus> Lexicon = new(Thesaurus.Load);
    private static readonly ConditionalWeakTable<string, ObjectKey> Cache = [];
    private static readonly Dictionary<string, string> NumberWords = new(StringComparer.Ordinal)
    {
        ["two"] = "2", ["three"] = "3", ["four"] = "4", ["five"] = "5", ["six"] = "6", ["seven"] = "7", ["eight"] = "8",
        ["nine"] = "9", ["ten"] = "10", ["eleven"] = "11", ["twelve"] = "12", ["twenty"] = "20", ["thirty"] = "30",
        ["forty"] = "40", ["fifty"] = "50", ["hundred"] = "100", ["thousand"] = "1000",
    };

    private ObjectKey(HashSet<Concept> concepts, HashSet<string> residual)
    {
        Concepts = concepts;
        Residual = residual;
    }

    /// <summary>Gets the thesaurus concepts the text names.</summary>
    public IReadOnlySet<Concept> Concepts { get; }

    /// <summary>Gets the stems of the content words no concept covers (names, places, numbers, rare words).</summary>
    public IReadOnlySet<string> Residual { get; }

    /// <summary>Gets the key of a text.</summary>
    public static ObjectKey Of(string text) => Cache.GetValue(text, static t => Compute(t, Lexicon.Value));

    /// <inheritdoc/>
    public override string ToString() =>
        string.Join(" ", Concepts.Select(static c => c.Broad ? "(" + c.Id + ")" : c.Condition ? "@" + c.Id : c.Id).Order(StringComparer.Ordinal)) + " / " + string.Join(" ", Residual.Order(StringComparer.Ordinal));

    /// <summary>Compares what two statements are about.</summary>
    public Agreement CompareTo(ObjectKey other)
    {
        bool sharedObject = false;
        Exclusive here = ExclusiveOf(this, other, ref sharedObject);
        Exclusive there = ExclusiveOf(other, this, ref sharedObject);

        // A condition names when, not what: "late at night" and "reminders the evening before appointments" share no object.
        // Only a domain under the same condition, with nothing else on either side, is one thing ("no meetings on Fridays",
        // "keep my Friday free of meetings").
        if (!sharedObject && !here.Any && !there.Any)
        {
            sharedObject = Concepts.Any(static c => c.Condition) && Concepts.Any(static c => c.Broad);
        }

        return new Agreement(
            sharedObject,
            Residual.Overlaps(other.Residual),
            here.Any && there.Any && (here.Specific || there.Specific),
            (here.Specific && there.Words) || (there.Specific && here.Words));
    }

    private static Exclusive ExclusiveOf(ObjectKey key, ObjectKey other, ref bool sharedObject)
    {
        bool any = false, specific = false;
        foreach (Concept concept in key.Concepts)
        {
            if (other.Concepts.Contains(concept))
            {
                sharedObject |= !concept.Broad && !concept.Qualifier && !concept.Condition;
            }
            else
            {
                any = true;
                specific |= !concept.Broad;
            }
        }

        bool words = false;
        foreach (string word in key.Residual)
        {
            words |= !other.Residual.Contains(word);
        }

        return new Exclusive(any, specific, words);
    }

    private static ObjectKey Compute(string text, Thesaurus thesaurus)
    {
        List<string> words = TextTools.Words(Normalize(text));
        var stems = new string[words.Count];
        for (int i = 0; i < words.Count; i++)
        {
            stems[i] = NumberWords.TryGetValue(words[i], out string? digits) ? digits : KeyStem(words[i]);
        }

        var concepts = new HashSet<Concept>();
        var residual = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < stems.Length;)
        {
            int length = thesaurus.Match(stems, i, out Concept? concept);
            if (length > 0)
            {
                concepts.Add(concept!);
                i += length;
                continue;
            }

            string word = words[i];
            if ((word.Length > 1 || char.IsDigit(word[0])) && !TextTools.IsStopWord(word) && !thesaurus.Framing.Contains(stems[i]))
            {
                residual.Add(stems[i]);
            }

            i++;
        }

        return new ObjectKey(concepts, residual);
    }

    /// <summary>
    /// Gets a stem that conflates plurals and the common endings both ways ("stores" and "store", "Fridays" and "Friday",
    /// "allergies" and "allergic"); stricter than <see cref="TextTools.Stem"/>, which leaves "store" and "stores" apart.
    /// </summary>
    private static string KeyStem(string word)
    {
        if (word.Length <= 3)
        {
            return word;
        }

        string stem = word.EndsWith("ies", StringComparison.Ordinal) ? word[..^3] + "y"
            : word.EndsWith("sses", StringComparison.Ordinal) || word.EndsWith("ches", StringComparison.Ordinal) || word.EndsWith("shes", StringComparison.Ordinal) || word.EndsWith("xes", StringComparison.Ordinal) ? word[..^2]
            : word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal) && !word.EndsWith("is", StringComparison.Ordinal) ? word[..^1]
            : word;
        foreach (string suffix in (ReadOnlySpan<string>)["ing", "ed", "ic", "y", "e"])
        {
            if (stem.EndsWith(suffix, StringComparison.Ordinal) && stem.Length - suffix.Length >= 4)
            {
                stem = stem[..^suffix.Length];
            }
        }

        return stem;
    }

    /// <summary>Lower-cases and separates numbers from units ("6am" → "6 am", "1,000" → "1000").</summary>
    private static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        for (int i = 0; i < text.Length; i++)
        {
            char c = char.ToLowerInvariant(text[i]);
            if (c == ',' && i > 0 && i + 1 < text.Length && char.IsDigit(text[i - 1]) && char.IsDigit(text[i + 1]))
            {
                continue;
            }

            if (builder.Length > 0 && char.IsLetterOrDigit(c) && char.IsLetterOrDigit(builder[^1]) && char.IsDigit(c) != char.IsDigit(builder[^1]))
            {
                builder.Append(' ');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>How two keys relate.</summary>
    /// <param name="SharedObject">Both name the same specific thing (a concept that is not only a domain, a qualifier or a
    /// condition), or the same domain under the same condition and nothing else.</param>
    /// <param name="SharedWord">Both contain the same word no concept covers (a name, a place, a number).</param>
    /// <param name="Clash">Each names a concept the other does not, one of them specific: different objects or conditions ("peanuts" vs
    /// "dogs", "mornings" vs "Fridays"); two domains alone ("examples" vs "code") do not tell statements apart.</param>
    /// <param name="SoftClash">One names a specific concept the other lacks while the other has words of its own: perhaps a condition
    /// the other does not have ("black coffee" vs "no coffee after 3pm").</param>
    internal readonly record struct Agreement(bool SharedObject, bool SharedWord, bool Clash, bool SoftClash);

    private readonly record struct Exclusive(bool Any, bool Specific, bool Words);

    /// <summary>A thesaurus concept.</summary>
    /// <param name="Id">Its name.</param>
    /// <param name="Group">The kind of thing it is (food, drink, channel, …).</param>
    /// <param name="Broad">Whether it names a domain (a meeting, code, a hotel) rather than an object.</param>
    /// <param name="Qualifier">Whether it says how the user relates to an object (allergic to it, afraid of it) rather than naming one.</param>
    /// <param name="Condition">Whether it says when a preference holds (a time of day, a weekday, a month, a season) rather than what it
    /// is about: shared, it is no object; named by one statement only, it tells the two apart.</param>
    internal sealed record Concept(string Id, string Group, bool Broad, bool Qualifier, bool Condition);

    private sealed class Thesaurus
    {
        private readonly Dictionary<string, List<(string[] Stems, Concept Concept)>> _byFirstStem = new(StringComparer.Ordinal);

        public HashSet<string> Framing { get; } = new(StringComparer.Ordinal);

        public static Thesaurus Load()
        {
            using Stream stream = typeof(ObjectKey).Assembly.GetManifestResourceStream("Penchant.Resources.object-synonyms.json")
                ?? throw new InvalidOperationException("The object thesaurus resource is missing from the Penchant assembly.");
            using JsonDocument document = JsonDocument.Parse(stream);
            var thesaurus = new Thesaurus();
            foreach (JsonElement word in document.RootElement.GetProperty("framing").EnumerateArray())
            {
                thesaurus.Framing.Add(KeyStem(word.GetString()!));
            }

            foreach (JsonElement item in document.RootElement.GetProperty("concepts").EnumerateArray())
            {
                var concept = new Concept(
                    item.GetProperty("id").GetString()!,
                    item.GetProperty("group").GetString()!,
                    item.TryGetProperty("broad", out JsonElement broad) && broad.GetBoolean(),
                    item.TryGetProperty("qualifier", out JsonElement qualifier) && qualifier.GetBoolean(),
                    item.TryGetProperty("condition", out JsonElement condition) && condition.GetBoolean());
                foreach (JsonElement term in item.GetProperty("terms").EnumerateArray())
                {
                    List<string> words = TextTools.Words(Normalize(term.GetString()!));
                    if (words.Count == 0 || (words.Count == 1 && words[0].Length < 2))
                    {
                        continue;
                    }

                    string[] stems = [.. words.Select(static w => NumberWords.TryGetValue(w, out string? d) ? d : KeyStem(w))];
                    if (!thesaurus._byFirstStem.TryGetValue(stems[0], out List<(string[] Stems, Concept Concept)>? list))
                    {
                        thesaurus._byFirstStem[stems[0]] = list = [];
                    }

                    list.Add((stems, concept));
                }
            }

            foreach (List<(string[] Stems, Concept Concept)> list in thesaurus._byFirstStem.Values)
            {
                list.Sort(static (a, b) => b.Stems.Length.CompareTo(a.Stems.Length));
            }

            return thesaurus;
        }

        /// <summary>Gets how many stems from <paramref name="start"/> the longest matching term covers (0 if none).</summary>
        public int Match(string[] stems, int start, out Concept? concept)
        {
            concept = null;
            if (!_byFirstStem.TryGetValue(stems[start], out List<(string[] Stems, Concept Concept)>? terms))
            {
                return 0;
            }

            foreach ((string[] term, Concept candidate) in terms)
            {
                if (start + term.Length <= stems.Length && stems.AsSpan(start, term.Length).SequenceEqual(term))
                {
                    concept = candidate;
                    return term.Length;
                }
            }

            return 0;
        }
    }
}
