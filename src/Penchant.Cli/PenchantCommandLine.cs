using System.CommandLine;
using Penchant.Cli.Commands;
using Penchant.Cli.Infrastructure;

namespace Penchant.Cli;

/// <summary>Builds and runs the <c>penchant</c> command tree.</summary>
internal static class PenchantCommandLine
{
    /// <summary>Builds the root command, writing to the given console.</summary>
    /// <remarks>A plain command named <c>penchant</c> rather than a <see cref="RootCommand"/>, whose name would be the assembly's (<c>Penchant.Cli</c>).</remarks>
    /// <param name="environment">Where commands read and write.</param>
    /// <returns>The root command.</returns>
    public static Command Create(CliEnvironment environment)
    {
        var globals = new GlobalOptions();
        var root = new Command("penchant", "Penchant: learns what each user wants and selects exactly the preferences that apply to a request.");
        root.Options.Add(new System.CommandLine.Help.HelpOption());
        root.Options.Add(new VersionOption());
        globals.AddTo(root);
        root.Subcommands.Add(new RememberCommand(globals, environment));
        root.Subcommands.Add(new ObserveCommand(globals, environment));
        root.Subcommands.Add(new ListCommand(globals, environment));
        root.Subcommands.Add(new HistoryCommand(globals, environment));
        root.Subcommands.Add(new ForgetCommand(globals, environment));
        root.Subcommands.Add(new ExpireCommand(globals, environment));
        root.Subcommands.Add(new EditPreferenceCommand(globals, environment));
        root.Subcommands.Add(new NarrowCommand(globals, environment));
        root.Subcommands.Add(new SelectCommand(globals, environment));
        root.Subcommands.Add(new SearchCommand(globals, environment));
        root.Subcommands.Add(new ExportCommand(globals, environment));
        root.Subcommands.Add(new ImportCommand(globals, environment));
        root.Subcommands.Add(new ImportSignalsCommand(globals, environment));
        root.Subcommands.Add(new EvalCommand(globals, environment));
        root.Subcommands.Add(new RankCommand(globals, environment));
        root.Subcommands.Add(new CompareCommand(globals, environment));
        root.Subcommands.Add(new ChooseCommand(globals, environment));
        root.Subcommands.Add(new RecommendCommand(globals, environment));
        root.Subcommands.Add(new DecideCommand(globals, environment));
        root.Subcommands.Add(new RewardCommand(globals, environment));
        root.Subcommands.Add(new ActivateCommand(globals, environment));
        root.Subcommands.Add(new EditCommand(globals, environment));
        root.Subcommands.Add(new ExplainCommand(globals, environment));
        root.Subcommands.Add(new PrincipleCommand(globals, environment));
        root.Subcommands.Add(new TrainCommand(globals, environment));
        root.Subcommands.Add(new TenantCommand(globals, environment));
        root.Subcommands.Add(new KeyCommand(globals, environment));
        root.Subcommands.Add(new CheckCommand(globals, environment));
        return root;
    }

    /// <summary>Parses and runs a command line.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="environment">Where commands read and write.</param>
    /// <param name="cancellationToken">Cancels the command (Ctrl+C also does).</param>
    /// <returns>The exit code: 0 success, 1 bad input, 2 failure.</returns>
    public static async Task<int> InvokeAsync(string[] args, CliEnvironment environment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(environment);

        // The runtime decodes arguments as UTF-8 and turns invalid bytes into U+FFFD: refuse them as the service refuses
        // invalid UTF-8, rather than store a replacement character the user never typed.
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i].Contains('\uFFFD', StringComparison.Ordinal))
            {
                await environment.Error.WriteLineAsync($"error: argument {i + 1} is not valid UTF-8 (it holds bytes that decode to no character); nothing was done.");
                return ExitCodes.UserError;
            }
        }

        ParseResult parseResult = Create(environment).Parse(args);
        return await parseResult.InvokeAsync(new InvocationConfiguration { Output = environment.Output, Error = environment.Error }, cancellationToken);
    }
}
