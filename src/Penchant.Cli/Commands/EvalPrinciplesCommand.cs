using System.CommandLine;
using System.Globalization;
using Penchant.Cli.Infrastructure;
using Penchant.Domain;
using Penchant.Evaluation.Datasets;
using Penchant.Evaluation.Evaluators;

namespace Penchant.Cli.Commands;

/// <summary>
/// <c>penchant eval principles [--data DIR] [--set orthogonal|aligned|mixed]</c>: the ICAI reconstruction; one line
/// <c>principles: set= n= agreement= principles=</c> per set, after the set's principles.
/// </summary>
internal sealed class EvalPrinciplesCommand : CliCommand
{
    private readonly Option<string?> _data = new("--data") { Description = $"The ICAI folder, or a data folder holding icai/ [default: {IcaiData.DefaultDirectory}]", HelpName = "DIR" };
    private readonly Option<string?> _set = new("--set") { Description = "One synthetic set; all three when absent" };

    public EvalPrinciplesCommand(GlobalOptions globals, CliEnvironment environment)
        : base("principles", "Distil principles from the train half of each ICAI synthetic set and predict the held-out labels from them alone", globals, environment)
    {
        _set.AcceptOnlyFromAmong(IcaiData.Sets);
        Options.Add(_data);
        Options.Add(_set);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        string directory = IcaiData.ResolveDirectory(context.ParseResult.GetValue(_data));
        string[] sets = context.ParseResult.GetValue(_set) is { } one ? [one] : IcaiData.Sets;
        TextWriter output = context.Environment.Output;
        foreach (string set in sets)
        {
            var pairs = await IcaiData.ReadAsync(directory, set, cancellationToken);
            (IReadOnlyList<Principle> principles, int tested, double agreement) = PrinciplesEvaluator.Run(pairs);
            foreach (Principle p in principles)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {p.Text}  (support {p.Support}, held-back accuracy {p.Accuracy:0.00} on {p.Tested})"));
            }

            await output.WriteLineAsync(PrinciplesEvaluator.Summary(set, tested, agreement, principles.Count));
        }

        return ExitCodes.Success;
    }
}
