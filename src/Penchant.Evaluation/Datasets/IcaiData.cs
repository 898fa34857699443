using System.Text;

namespace Penchant.Evaluation.Datasets;

/// <summary>
/// Reads the Inverse Constitutional AI synthetic sets (<c>synthetic/synthetic_data_&lt;set&gt;_*.csv</c>: index, text_a,
/// text_b, preferred_text), each text "Instruction: …\n\nOutput: …".
/// </summary>
public static class IcaiData
{
    /// <summary>The data folder used when <c>--data</c> is not given, relative to the current directory.</summary>
    public static readonly string DefaultDirectory = Path.Combine("..", "shared", "data", "icai");

    /// <summary>The synthetic sets.</summary>
    public static readonly string[] Sets = ["orthogonal", "aligned", "mixed"];

    /// <summary>Finds the ICAI folder: the path itself, or its <c>icai</c> subfolder (a data root).</summary>
    /// <param name="given">The <c>--data</c> value, or <see langword="null"/> for the default.</param>
    /// <returns>The folder holding <c>synthetic/</c>.</returns>
    /// <exception cref="EvaluationInputException">No such folder.</exception>
    public static string ResolveDirectory(string? given)
    {
        string path = Path.GetFullPath(given ?? DefaultDirectory);
        if (Directory.Exists(Path.Combine(path, "synthetic")))
        {
            return path;
        }

        string nested = Path.Combine(path, "icai");
        return Directory.Exists(Path.Combine(nested, "synthetic"))
            ? nested
            : throw new EvaluationInputException($"--data '{given ?? DefaultDirectory}' holds no ICAI data (expected synthetic/ in it or in its icai/ folder).");
    }

    /// <summary>Reads one synthetic set.</summary>
    /// <param name="directory">The ICAI folder.</param>
    /// <param name="set"><c>orthogonal</c>, <c>aligned</c> or <c>mixed</c>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The labelled pairs in file order: the instruction, the two outputs, and whether the first is preferred.</returns>
    /// <exception cref="EvaluationInputException">The set is missing or malformed.</exception>
    public static async Task<IReadOnlyList<(string Instruction, string A, string B, bool AIsPreferred)>> ReadAsync(string directory, string set, CancellationToken cancellationToken)
    {
        string folder = Path.Combine(directory, "synthetic");
        string file = Directory.EnumerateFiles(folder, $"synthetic_data_{set}_*.csv").Order(StringComparer.Ordinal).FirstOrDefault()
            ?? throw new EvaluationInputException($"{folder} has no synthetic_data_{set}_*.csv.");
        string text = await File.ReadAllTextAsync(file, cancellationToken);
        List<List<string>> rows = ParseCsv(text);
        if (rows.Count < 2 || rows[0].Count < 4 || rows[0][1] != "text_a" || rows[0][2] != "text_b" || rows[0][3] != "preferred_text")
        {
            throw new EvaluationInputException($"{file}: expected the header ',text_a,text_b,preferred_text'.");
        }

        var pairs = new List<(string, string, string, bool)>();
        for (int r = 1; r < rows.Count; r++)
        {
            List<string> row = rows[r];
            if (row.Count < 4 || row[3] is not ("text_a" or "text_b"))
            {
                throw new EvaluationInputException($"{file}: row {r} is not index, text_a, text_b, text_a|text_b.");
            }

            (string instruction, string a) = Split(row[1]);
            (_, string b) = Split(row[2]);
            pairs.Add((instruction, a, b, row[3] == "text_a"));
        }

        return pairs;
    }

    private static (string Instruction, string Output) Split(string text)
    {
        int at = text.IndexOf("Output:", StringComparison.Ordinal);
        return at < 0
            ? (string.Empty, text.Trim())
            : (text[..at].Replace("Instruction:", string.Empty, StringComparison.Ordinal).Trim(), text[(at + "Output:".Length)..].Trim());
    }

    /// <summary>Parses RFC 4180 CSV: quoted fields may hold commas, line breaks and doubled quotes.</summary>
    private static List<List<string>> ParseCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                row.Add(field.ToString().TrimEnd('\r'));
                field.Clear();
                rows.Add(row);
                row = [];
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add(row);
        }

        return rows;
    }
}
