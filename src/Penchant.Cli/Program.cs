using Penchant.Cli.Infrastructure;

namespace Penchant.Cli;

/// <summary>The <c>penchant</c> command's entry point.</summary>
internal static class Program
{
    private static Task<int> Main(string[] args) => PenchantCommandLine.InvokeAsync(args, CliEnvironment.System);
}
