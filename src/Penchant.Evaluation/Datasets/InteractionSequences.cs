using System.Globalization;

namespace Penchant.Evaluation.Datasets;

/// <summary>
/// Users' chronological sequences of chosen items, read from a text file of <c>user item</c> lines in the order the
/// choices happened (the layout of the BERT4Rec and SASRec data, such as <c>beauty.txt</c>).
/// </summary>
/// <param name="Sequences">Each user's items, oldest first, as dense item numbers <c>0 … ItemCount − 1</c>, users in order of first appearance.</param>
/// <param name="ItemCount">The number of distinct items.</param>
/// <param name="Actions">The number of lines (choices) read.</param>
public sealed record InteractionSequences(IReadOnlyList<int[]> Sequences, int ItemCount, int Actions)
{
    /// <summary>The file read from a data folder.</summary>
    public const string FileName = "beauty.txt";

    /// <summary>The default data folder, relative to the working directory.</summary>
    public static readonly string DefaultDirectory = Path.Combine("..", "shared", "data", "beauty");

    /// <summary>Resolves the file: the path itself when it is a file, else <see cref="FileName"/> in the folder or in its <c>beauty</c> folder (a data root).</summary>
    /// <param name="path">A file, a folder holding <see cref="FileName"/>, or a data root; <see cref="DefaultDirectory"/> when <see langword="null"/>.</param>
    /// <returns>The file path.</returns>
    /// <exception cref="EvaluationInputException">No such file.</exception>
    public static string ResolveFile(string? path)
    {
        string given = path ?? DefaultDirectory;
        if (File.Exists(given))
        {
            return given;
        }

        foreach (string candidate in (string[])[Path.Combine(given, FileName), Path.Combine(given, "beauty", FileName)])
        {
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new EvaluationInputException($"--data '{given}' holds no sequences (expected a 'user item' file, or {FileName} in it or in its beauty/ folder).");
    }

    /// <summary>Reads the sequences from a folder or file.</summary>
    /// <param name="path">A file of <c>user item</c> lines or a folder holding one (<see cref="ResolveFile"/>).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The sequences.</returns>
    /// <exception cref="EvaluationInputException">The file is missing, unreadable, empty or has a malformed line.</exception>
    public static async Task<InteractionSequences> ReadAsync(string? path, CancellationToken cancellationToken)
    {
        string file = ResolveFile(path);
        await using FileStream stream = DataFiles.OpenRead(file);
        using var reader = new StreamReader(stream);
        return await ReadAsync(reader, Path.GetFileName(file), cancellationToken);
    }

    /// <summary>Reads the sequences from text.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="source">The file name, for messages.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The sequences.</returns>
    /// <exception cref="EvaluationInputException">The text is empty or has a malformed line.</exception>
    public static async Task<InteractionSequences> ReadAsync(TextReader reader, string source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var users = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var order = new List<List<int>>();
        var items = new Dictionary<string, int>(StringComparer.Ordinal);
        int lineNumber = 0;
        int actions = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            string[] fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != 2)
            {
                throw new EvaluationInputException(
                    string.Create(CultureInfo.InvariantCulture, $"{source}, line {lineNumber}: expected 'user item', found {fields.Length} fields."));
            }

            if (!users.TryGetValue(fields[0], out List<int>? sequence))
            {
                sequence = [];
                users[fields[0]] = sequence;
                order.Add(sequence);
            }

            if (!items.TryGetValue(fields[1], out int item))
            {
                item = items.Count;
                items[fields[1]] = item;
            }

            sequence.Add(item);
            actions++;
        }

        if (actions == 0)
        {
            throw new EvaluationInputException($"{source}: no 'user item' lines.");
        }

        return new InteractionSequences([.. order.Select(static s => s.ToArray())], items.Count, actions);
    }
}
