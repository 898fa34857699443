using System.CommandLine;
using Penchant.Domain;

namespace Penchant.Cli.Infrastructure;

/// <summary><c>--meta KEY=VALUE</c> (repeatable): metadata given to a write, or a filter on a read.</summary>
internal static class MetadataOption
{
    /// <summary>Creates the option.</summary>
    /// <param name="description">What the pairs do for this command.</param>
    /// <returns>The option.</returns>
    public static Option<string[]> Create(string description) => new("--meta")
    {
        Description = description,
        HelpName = "KEY=VALUE",
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>Reads the pairs given, checked against the limits of <see cref="PreferenceMetadata"/>.</summary>
    /// <param name="values">The option's values.</param>
    /// <returns>The metadata, or <see langword="null"/> when none was given.</returns>
    /// <exception cref="CliInputException">A pair is not KEY=VALUE, or breaks a limit.</exception>
    public static Dictionary<string, string>? Parse(string[]? values)
    {
        if (values is null || values.Length == 0)
        {
            return null;
        }

        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string value in values)
        {
            int equals = value.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new CliInputException($"--meta '{value}' is not KEY=VALUE.");
            }

            metadata[value[..equals]] = value[(equals + 1)..];
        }

        try
        {
            PreferenceMetadata.Validate(metadata, "--meta");
        }
        catch (ArgumentException exception)
        {
            throw new CliInputException($"--meta: {exception.Message.Replace(" (Parameter '--meta')", string.Empty, StringComparison.Ordinal)}", exception);
        }

        return metadata;
    }

    /// <summary>Reads the pairs given as a filter: every key must have its value.</summary>
    /// <param name="values">The option's values.</param>
    /// <returns>The filter; <see cref="MetadataFilter.None"/> when none was given.</returns>
    /// <exception cref="CliInputException">A pair is malformed.</exception>
    public static MetadataFilter Filter(string[]? values) => Parse(values) is { } metadata ? MetadataFilter.Of(metadata) : MetadataFilter.None;
}
