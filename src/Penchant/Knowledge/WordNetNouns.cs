using System.Collections.Concurrent;
using System.Globalization;

namespace Penchant.Knowledge;

/// <summary>
/// The noun hierarchy of Princeton WordNet 3.0 (George A. Miller et al., Princeton University; WordNet 3.0 license, a
/// BSD-style licence), read from the database files of Debian's <c>wordnet-base</c> package: which things are kinds of
/// which ("a python is a reptile", "a ribeye is a cut of beef, beef is meat"). This is the ranking's general, open-class
/// knowledge: nothing in it was written for Penchant or for any evaluation.
/// </summary>
/// <remarks>
/// <para>
/// The files are read from the folder named by the <c>PENCHANT_WORDNET</c> environment variable (<c>/usr/share/wordnet</c> is
/// where <c>apt-get install wordnet-base</c> puts them), and only then: by default ranking does not use WordNet, since it did
/// not help on both halves of PrefEval's topics. Without them <see cref="IsAvailable"/> is false, <see cref="Status"/> says
/// why, and every question is answered "not a kind of": ranking then relies on shared words and embeddings alone. Loading
/// (about 82,000 synsets) happens once, on first use.
/// </para>
/// <para>Thread-safe.</para>
/// </remarks>
internal sealed class WordNetNouns
{
    /// <summary>The environment variable that names the folder of the WordNet database files.</summary>
    public const string DirectoryVariable = "PENCHANT_WORDNET";

    // A word is taken in its most frequent senses only (WordNet lists senses by frequency): rarer senses make a kind of
    // almost anything ("java" the coffee, the island and the language).
    private const int WordSenses = 2;
    private const int ConceptSenses = 3;

    // A concept this close to the root ("entity", "object", "matter", "act") has nearly every noun as a kind.
    private const int MinimumConceptDepth = 4;

    // A word's ancestors, kept per word; cleared when it grows large.
    private readonly ConcurrentDictionary<string, HashSet<int>> _ancestors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int[]> _index;
    private readonly Dictionary<string, string> _exceptions;
    private readonly int[][] _hypernyms;
    private readonly int[] _depth;

    // Read only when asked for: measured on both halves of PrefEval's topics, ranking did no better with it than without (see
    // eval/README.md, "Stated-preference ranking without a concept list"), and building each candidate's kinds doubled its time.
    private static readonly Lazy<WordNetNouns> Loaded = new(static () => Environment.GetEnvironmentVariable(DirectoryVariable) is { Length: > 0 } d
        ? Load(d)
        : new WordNetNouns([], [], [], $"WordNet not used: set {DirectoryVariable} to a folder of WordNet 3.0 noun files (e.g. /usr/share/wordnet from Debian's wordnet-base) to match kinds of things"));

    private WordNetNouns(Dictionary<string, int[]> index, Dictionary<string, string> exceptions, int[][] hypernyms, string status)
    {
        _index = index;
        _exceptions = exceptions;
        _hypernyms = hypernyms;
        Status = status;
        _depth = new int[hypernyms.Length];
        Array.Fill(_depth, -1);
        for (int s = 0; s < hypernyms.Length; s++)
        {
            DepthOf(s);
        }
    }

    /// <summary>Gets the noun hierarchy from the default location (loaded on first use).</summary>
    public static WordNetNouns Default => Loaded.Value;

    /// <summary>Gets a value indicating whether the WordNet files were asked for (<c>PENCHANT_WORDNET</c> is set).</summary>
    public static bool IsRequested => Environment.GetEnvironmentVariable(DirectoryVariable) is { Length: > 0 };

    /// <summary>Gets a value indicating whether the WordNet files were found and read.</summary>
    public bool IsAvailable => _hypernyms.Length > 0;

    /// <summary>Gets where the hierarchy was read from, or why it is not available.</summary>
    public string Status { get; }

    /// <summary>Reads the hierarchy from a folder holding <c>index.noun</c>, <c>data.noun</c> and <c>noun.exc</c>.</summary>
    /// <param name="directory">The folder.</param>
    /// <returns>The hierarchy; empty (not available) when the files are missing.</returns>
    public static WordNetNouns Load(string directory)
    {
        string index = Path.Combine(directory, "index.noun");
        string data = Path.Combine(directory, "data.noun");
        if (!File.Exists(index) || !File.Exists(data))
        {
            return new WordNetNouns([], [], [], $"WordNet not found in {directory} (install Debian's wordnet-base or set {DirectoryVariable}): kinds of things are not recognised");
        }

        // data.noun: "offset lex_filenum ss_type w_cnt(hex) word lex_id … p_cnt pointer… | gloss"; hypernyms are "@" and "@i".
        var ids = new Dictionary<int, int>();
        var lines = new List<string>();
        foreach (string line in File.ReadLines(data))
        {
            if (line.Length == 0 || line[0] == ' ')
            {
                continue;
            }

            ids[int.Parse(line.AsSpan(0, line.IndexOf(' ')), CultureInfo.InvariantCulture)] = lines.Count;
            lines.Add(line);
        }

        var hypernyms = new int[lines.Count][];
        var found = new List<int>();
        for (int s = 0; s < lines.Count; s++)
        {
            string[] fields = lines[s].Split(' ');
            int words = int.Parse(fields[3], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            int at = 4 + (2 * words);
            int pointers = int.Parse(fields[at], CultureInfo.InvariantCulture);
            found.Clear();
            for (int p = 0; p < pointers; p++)
            {
                int f = at + 1 + (4 * p);
                if (fields[f] is "@" or "@i" && fields[f + 2] == "n" && ids.TryGetValue(int.Parse(fields[f + 1], CultureInfo.InvariantCulture), out int parent))
                {
                    found.Add(parent);
                }
            }

            hypernyms[s] = [.. found];
        }

        // index.noun: "lemma pos synset_cnt p_cnt [ptr…] sense_cnt tagsense_cnt offset…", senses most frequent first.
        var lemmas = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (string line in File.ReadLines(index))
        {
            if (line.Length == 0 || line[0] == ' ')
            {
                continue;
            }

            string[] fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            int senses = int.Parse(fields[2], CultureInfo.InvariantCulture);
            var synsets = new List<int>(senses);
            for (int k = fields.Length - senses; k < fields.Length; k++)
            {
                if (ids.TryGetValue(int.Parse(fields[k], CultureInfo.InvariantCulture), out int id))
                {
                    synsets.Add(id);
                }
            }

            lemmas[fields[0]] = [.. synsets];
        }

        var exceptions = new Dictionary<string, string>(StringComparer.Ordinal);
        string exc = Path.Combine(directory, "noun.exc");
        if (File.Exists(exc))
        {
            foreach (string line in File.ReadLines(exc))
            {
                string[] fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length >= 2)
                {
                    exceptions.TryAdd(fields[0], fields[1]);
                }
            }
        }

        return new WordNetNouns(lemmas, exceptions, hypernyms, $"WordNet 3.0 nouns from {directory}: {hypernyms.Length} synsets, {lemmas.Count} lemmas");
    }

    /// <summary>
    /// The synsets a concept names: its most frequent senses that are specific enough to have kinds worth matching (not
    /// "thing" or "object").
    /// </summary>
    /// <param name="phrase">A noun or noun phrase, lower-case, words separated by spaces.</param>
    /// <returns>The synsets; empty when WordNet does not know the phrase or is not available.</returns>
    public int[] Concept(string phrase)
    {
        int[] senses = Senses(phrase, ConceptSenses);
        return senses.Length == 0 ? senses : [.. senses.Where(s => _depth[s] >= MinimumConceptDepth)];
    }

    /// <summary>Whether a word or phrase, in one of its most frequent senses, is a kind of one of the concept's synsets.</summary>
    /// <param name="phrase">A noun or noun phrase, lower-case, words separated by spaces.</param>
    /// <param name="concept">Synsets from <see cref="Concept(string)"/>.</param>
    public bool IsKindOf(string phrase, int[] concept)
    {
        if (concept.Length == 0 || !IsAvailable)
        {
            return false;
        }

        HashSet<int> ancestors = AncestorsOf(phrase);
        foreach (int s in concept)
        {
            if (ancestors.Contains(s))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The synsets a word or phrase descends from, in its most frequent senses (itself included); empty when unknown.</summary>
    /// <param name="phrase">A noun or noun phrase, lower-case, words separated by spaces.</param>
    public HashSet<int> AncestorsOf(string phrase)
    {
        if (_ancestors.TryGetValue(phrase, out HashSet<int>? known))
        {
            return known;
        }

        if (_ancestors.Count > 50_000)
        {
            _ancestors.Clear();
        }

        return _ancestors.GetOrAdd(phrase, p => Ancestors(Senses(p, WordSenses)));
    }

    /// <summary>Whether WordNet knows the phrase as a noun (in some inflection).</summary>
    public bool Knows(string phrase) => Senses(phrase, 1).Length > 0;

    /// <summary>The phrase's first senses, after reducing an inflected form to its lemma (WordNet's "morphy" rules for nouns).</summary>
    private int[] Senses(string phrase, int count)
    {
        if (!IsAvailable || phrase.Length < 3)
        {
            return [];
        }

        string key = phrase.Replace(' ', '_');
        foreach (string lemma in Lemmas(key))
        {
            if (_index.TryGetValue(lemma, out int[]? synsets))
            {
                return synsets.Length <= count ? synsets : synsets[..count];
            }
        }

        return [];
    }

    private IEnumerable<string> Lemmas(string word)
    {
        yield return word;
        if (_exceptions.TryGetValue(word, out string? irregular))
        {
            yield return irregular;
        }

        foreach ((string suffix, string ending) in Suffixes)
        {
            if (word.EndsWith(suffix, StringComparison.Ordinal) && word.Length > suffix.Length + 1)
            {
                yield return word[..^suffix.Length] + ending;
            }
        }
    }

    // WordNet's detachment rules for nouns (morphy(7WN)), most specific first.
    private static readonly (string Suffix, string Ending)[] Suffixes =
    [
        ("ches", "ch"), ("shes", "sh"), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ies", "y"), ("men", "man"), ("s", string.Empty),
    ];

    private HashSet<int> Ancestors(int[] senses)
    {
        var seen = new HashSet<int>();
        var stack = new Stack<int>(senses);
        while (stack.Count > 0)
        {
            int s = stack.Pop();
            if (seen.Add(s))
            {
                foreach (int parent in _hypernyms[s])
                {
                    stack.Push(parent);
                }
            }
        }

        return seen;
    }

    private int DepthOf(int synset)
    {
        if (_depth[synset] >= 0)
        {
            return _depth[synset];
        }

        _depth[synset] = 0;
        int depth = int.MaxValue;
        foreach (int parent in _hypernyms[synset])
        {
            depth = Math.Min(depth, DepthOf(parent) + 1);
        }

        _depth[synset] = depth == int.MaxValue ? 0 : depth;
        return _depth[synset];
    }
}
