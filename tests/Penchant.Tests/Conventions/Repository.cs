using System.Text;

namespace Penchant.Conventions;

/// <summary>The repository the tests run from, and the text normalization the phrase conventions compare with.</summary>
internal static class Repository
{
    /// <summary>The folder that holds <c>Penchant.slnx</c>, above the test assembly.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The text of every file under <paramref name="folder"/> (matching <paramref name="pattern"/>), normalized, separated and surrounded by spaces.</summary>
    public static string NormalizedCorpus(string folder, string pattern = "*") =>
        " " + string.Join(" | ", Directory.EnumerateFiles(folder, pattern, SearchOption.AllDirectories).Select(static f => Normalize(File.ReadAllText(f)))) + " ";

    /// <summary>Lower case, words of letters, digits and apostrophes, one space between them.</summary>
    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        bool space = false;
        foreach (char c in text)
        {
            if (char.IsLetterOrDigit(c) || c == '\'')
            {
                if (space && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                builder.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else
            {
                space = true;
            }
        }

        return builder.ToString();
    }

    /// <summary>The number of words in a normalized text.</summary>
    public static int Words(string normalized) => normalized.Length == 0 ? 0 : normalized.Count(static c => c == ' ') + 1;

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Penchant.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"Penchant.slnx not found above {AppContext.BaseDirectory}.");
    }
}
