using System.Text.Json;
using Penchant.Language;

namespace Penchant.Ranking;

/// <summary>
/// A concept of everyday knowledge a preference may name: the phrases that name it ("animal-derived materials"), the
/// kinds of it that a candidate may name instead ("shearling", "cashmere"), and its opposites, phrases saying that
/// something is without it or the contrary of it ("vegan", "cruelty-free", "quiet"). Each phrase is kept as its content
/// stems in order.
/// </summary>
/// <param name="Terms">The phrases naming the concept itself.</param>
/// <param name="Members">The phrases naming kinds or instances of it.</param>
/// <param name="Opposites">The phrases naming its absence or contrary.</param>
internal sealed record RankingConcept(string[][] Terms, string[][] Members, string[][] Opposites);

/// <summary>
/// What a preference clause names of one concept: the clause's stems that a term of the concept covers, and those that a
/// member covers ("wool" in "animal products, including wool").
/// </summary>
/// <param name="Concept">The concept.</param>
/// <param name="TermStems">The clause's stems within a term of the concept.</param>
/// <param name="MemberStems">The clause's stems within a member of the concept.</param>
internal sealed record NamedConcept(RankingConcept Concept, HashSet<string> TermStems, HashSet<string> MemberStems);

/// <summary>
/// The hand-written knowledge the stated-preference scorer uses to see that a candidate is about what a preference
/// names without sharing its words (<c>Resources/ranking-concepts.json</c>): "reptiles" covers a ball python, "animal-derived
/// materials" a cashmere lining, and "vegan" or "cruelty-free" says a candidate is without them.
/// </summary>
internal static class RankingConcepts
{
    private static readonly Lazy<RankingConcept[]> Loaded = new(Load);

    // Clause objects recur across requests (a user's preferences), so what each names is kept; cleared when it grows large.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, List<NamedConcept>> Named = new(StringComparer.Ordinal);

    /// <summary>Gets the concepts.</summary>
    public static IReadOnlyList<RankingConcept> All => Loaded.Value;

    /// <summary>
    /// The concepts a clause names, by a term or a member, with the clause's stems each covers. The longest phrase wins:
    /// "virtual reality" does not also name what "virtual" alone would, nor "low-heeled" (an opposite of heels) what "heels" would.
    /// </summary>
    public static List<NamedConcept> NamedBy(string clauseObject)
    {
        if (Named.Count > 10_000)
        {
            Named.Clear();
        }

        return Named.GetOrAdd(clauseObject, static o => Find(o));
    }

    private static List<NamedConcept> Find(string clauseObject)
    {
        var sequence = new StemSequence(clauseObject);
        var found = new List<(RankingConcept Concept, int Kind, int First, int Last)>();
        var occurrences = new List<(int First, int Last)>();
        foreach (RankingConcept concept in All)
        {
            string[][][] kinds = [concept.Terms, concept.Members, concept.Opposites];
            for (int kind = 0; kind < kinds.Length; kind++)
            {
                occurrences.Clear();
                sequence.FindPhrases(kinds[kind], occurrences);
                foreach ((int first, int last) in occurrences)
                {
                    found.Add((concept, kind, first, last));
                }
            }
        }

        var named = new Dictionary<RankingConcept, NamedConcept>();
        foreach ((RankingConcept concept, int kind, int first, int last) in found)
        {
            // An opposite found in the clause names nothing of its own; it only keeps the words it spans from naming the concept.
            if (kind == 2 || found.Exists(o => o.First <= first && o.Last >= last && o.Last - o.First > last - first))
            {
                continue;
            }

            if (!named.TryGetValue(concept, out NamedConcept? entry))
            {
                entry = new NamedConcept(concept, new HashSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal));
                named.Add(concept, entry);
            }

            for (int k = first; k <= last; k++)
            {
                (kind == 1 ? entry.MemberStems : entry.TermStems).Add(sequence[k]);
            }
        }

        // What the clause itself names is not its opposite ("no fur, real or faux": "faux" is not an exclusion here).
        var result = new List<NamedConcept>(named.Count);
        foreach (NamedConcept entry in named.Values)
        {
            string[][] opposites = [.. entry.Concept.Opposites.Where(o => !sequence.ContainsAny([o]))];
            result.Add(entry with { Concept = entry.Concept with { Opposites = opposites } });
        }

        return result;
    }

    private static RankingConcept[] Load()
    {
        using JsonDocument document = LanguagePack.Parse(LanguagePack.RankingConcepts);
        var concepts = new List<RankingConcept>();
        foreach (JsonElement item in document.RootElement.GetProperty("concepts").EnumerateArray())
        {
            concepts.Add(new RankingConcept(Phrases(item, "terms"), Phrases(item, "members"), Phrases(item, "opposites")));
        }

        return [.. concepts];
    }

    private static string[][] Phrases(JsonElement item, string name)
    {
        if (!item.TryGetProperty(name, out JsonElement list))
        {
            return [];
        }

        var phrases = new List<string[]>();
        foreach (JsonElement phrase in list.EnumerateArray())
        {
            string[] stems = [.. TextTools.ContentStemSequence(phrase.GetString()!).Select(static s => s.Stem)];
            if (stems.Length > 0)
            {
                phrases.Add(stems);
            }
        }

        return [.. phrases];
    }
}
