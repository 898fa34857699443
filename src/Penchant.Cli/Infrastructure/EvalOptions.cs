using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Penchant.Cli.Infrastructure;

/// <summary>Options that several evaluations share (topics, limits, parallelism), with one validation and one message each.</summary>
internal static class EvalOptions
{
    /// <summary>Creates <c>--topics a,b</c>: comma-separated topics of a data folder.</summary>
    public static Option<string[]> Topics(string folder) => new("--topics")
    {
        Description = $"The topics to run, comma-separated [default: every file in {folder}/]",
        HelpName = "a,b",
        CustomParser = CommaSeparated,
    };

    /// <summary>Parses an option's comma-separated values ("a,b", or repeated), each trimmed.</summary>
    public static string[] CommaSeparated(ArgumentResult result) =>
        [.. result.Tokens.SelectMany(static t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];

    /// <summary>Parses an option's comma-separated whole numbers, reporting the first value that is not one.</summary>
    public static int[] CommaSeparatedIntegers(ArgumentResult result)
    {
        string[] values = CommaSeparated(result);
        var numbers = new int[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            if (!int.TryParse(values[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out numbers[i]))
            {
                string name = result.Parent is OptionResult option ? option.Option.Name : result.Argument.Name;
                result.AddError($"{name}: '{values[i]}' is not a whole number.");
                return [];
            }
        }

        return numbers;
    }

    /// <summary>Creates <c>--limit K</c>: at most K items of each topic.</summary>
    public static Option<int?> Limit()
    {
        var option = new Option<int?>("--limit") { Description = "Run at most K items of each topic", HelpName = "K" };
        option.Validators.Add(static result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1)
            {
                result.AddError("--limit must be 1 or more.");
            }
        });
        return option;
    }

    /// <summary>Creates <c>--parallel P</c>: how many items run at once (default 1).</summary>
    public static Option<int> Parallel()
    {
        var option = new Option<int>("--parallel") { Description = "How many items run at once", DefaultValueFactory = static _ => 1, HelpName = "P" };
        option.Validators.Add(static result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--parallel must be 1 or more.");
            }
        });
        return option;
    }

    /// <summary>Rejects a negative <c>--turns</c>.</summary>
    public static Option<int> NotNegative(this Option<int> option)
    {
        ArgumentNullException.ThrowIfNull(option);
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 0)
            {
                result.AddError($"{option.Name} must be 0 or more.");
            }
        });
        return option;
    }

    /// <summary>The topics to run: the chosen ones, each of which must exist, or all of them.</summary>
    /// <exception cref="CliInputException">A chosen topic does not exist.</exception>
    public static IReadOnlyList<string> ChooseTopics(IReadOnlyList<string> available, string[]? chosen)
    {
        if (chosen is not { Length: > 0 })
        {
            return available;
        }

        foreach (string topic in chosen)
        {
            if (!available.Contains(topic, StringComparer.Ordinal))
            {
                throw new CliInputException($"unknown topic '{topic}'; the topics are {string.Join(", ", available)}.");
            }
        }

        return chosen;
    }
}
