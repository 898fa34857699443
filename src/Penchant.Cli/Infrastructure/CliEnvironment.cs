using Microsoft.Extensions.DependencyInjection;

namespace Penchant.Cli.Infrastructure;

/// <summary>Where a command reads and writes, and how it composes the engine: the process, or what a test supplies.</summary>
/// <param name="Output">Standard output: results only.</param>
/// <param name="Error">Standard error: errors and progress.</param>
/// <param name="Input">Standard input (for <c>observe -</c> and <c>import -</c>).</param>
/// <param name="ErrorIsTerminal">Whether standard error is an interactive terminal (progress bars are drawn only then).</param>
internal sealed record CliEnvironment(TextWriter Output, TextWriter Error, TextReader Input, bool ErrorIsTerminal)
{
    /// <summary>Gets the process console.</summary>
    public static CliEnvironment System => new(Console.Out, Console.Error, Console.In, !Console.IsErrorRedirected);

    /// <summary>
    /// Gets a hook that registers services before the engine's defaults (which are added with <c>TryAdd</c>), for example
    /// one embedding generator shared by many invocations in a test.
    /// </summary>
    public Action<IServiceCollection>? ConfigureEngine { get; init; }
}
