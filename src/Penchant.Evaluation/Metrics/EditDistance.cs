namespace Penchant.Evaluation.Metrics;

/// <summary>The Levenshtein distance between two texts, in characters (insertions, deletions and substitutions cost 1).</summary>
public static class EditDistance
{
    /// <summary>Computes the distance.</summary>
    /// <param name="a">A text.</param>
    /// <param name="b">Another text.</param>
    /// <returns>The fewest single-character edits that turn <paramref name="a"/> into <paramref name="b"/>.</returns>
    public static int Levenshtein(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Length < b.Length)
        {
            (a, b) = (b, a);
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            char ca = a[i - 1];
            for (int j = 1; j <= b.Length; j++)
            {
                int substitute = previous[j - 1] + (ca == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitute, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
