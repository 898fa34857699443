using System.Globalization;

namespace Penchant.Evaluation.Datasets;

/// <summary>Reads the Open Bandit Dataset sample (<c>&lt;policy&gt;/&lt;campaign&gt;/&lt;campaign&gt;.csv</c>; see its README).</summary>
public static class OpenBanditData
{
    /// <summary>The data folder used when <c>--data</c> is not given, relative to the current directory.</summary>
    public static readonly string DefaultDirectory = Path.Combine("..", "shared", "data", "open-bandit");

    /// <summary>Finds the Open Bandit folder: the path itself, or its <c>open-bandit</c> subfolder (a data root).</summary>
    /// <param name="given">The <c>--data</c> value, or <see langword="null"/>.</param>
    /// <returns>The folder.</returns>
    /// <exception cref="EvaluationInputException">Neither holds <c>random/</c> and <c>bts/</c>.</exception>
    public static string ResolveDirectory(string? given)
    {
        string path = Path.GetFullPath(given ?? DefaultDirectory);
        foreach (string candidate in (string[])[path, Path.Combine(path, "open-bandit")])
        {
            if (Directory.Exists(Path.Combine(candidate, "random")) && Directory.Exists(Path.Combine(candidate, "bts")))
            {
                return candidate;
            }
        }

        throw new EvaluationInputException($"--data '{given ?? DefaultDirectory}' holds no Open Bandit data (expected random/ and bts/ in it or in its open-bandit/ folder).");
    }

    /// <summary>Reads the impressions one policy logged in one campaign.</summary>
    /// <param name="directory">The data folder.</param>
    /// <param name="policy">The logging policy (<c>random</c> or <c>bts</c>).</param>
    /// <param name="campaign">The campaign (<c>men</c>, <c>women</c>).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The impressions in log order.</returns>
    /// <exception cref="EvaluationInputException">The file is missing or a row is malformed.</exception>
    public static async Task<IReadOnlyList<OpenBanditRow>> ReadAsync(string directory, string policy, string campaign, CancellationToken cancellationToken)
    {
        string file = Path.Combine(directory, policy, campaign, campaign + ".csv");
        if (!File.Exists(file))
        {
            throw new EvaluationInputException($"no logs of policy '{policy}' for campaign '{campaign}': {file} does not exist.");
        }

        await using FileStream stream = DataFiles.OpenRead(file);
        using var reader = new StreamReader(stream);
        string header = await reader.ReadLineAsync(cancellationToken) ?? throw new EvaluationInputException($"{file} is empty.");
        string[] columns = header.Split(',');
        int item = Column(columns, "item_id", file), position = Column(columns, "position", file);
        int click = Column(columns, "click", file), propensity = Column(columns, "propensity_score", file);
        var rows = new List<OpenBanditRow>();
        int line = 1;
        while (await reader.ReadLineAsync(cancellationToken) is { } text)
        {
            line++;
            if (text.Length == 0)
            {
                continue;
            }

            string[] cells = text.Split(',');
            if (cells.Length != columns.Length
                || !int.TryParse(cells[item], CultureInfo.InvariantCulture, out int i)
                || !int.TryParse(cells[position], CultureInfo.InvariantCulture, out int p)
                || !int.TryParse(cells[click], CultureInfo.InvariantCulture, out int c)
                || !double.TryParse(cells[propensity], CultureInfo.InvariantCulture, out double q)
                || i < 0 || p < 1 || c is not (0 or 1) || !(q > 0 && q <= 1))
            {
                throw new EvaluationInputException($"{file}, line {line}: expected item_id, position, click (0/1) and a propensity in (0, 1].");
            }

            rows.Add(new OpenBanditRow(i, p, c == 1, q));
        }

        return rows;
    }

    private static int Column(string[] columns, string name, string file)
    {
        int index = Array.IndexOf(columns, name);
        return index >= 0 ? index : throw new EvaluationInputException($"{file} has no '{name}' column.");
    }
}
