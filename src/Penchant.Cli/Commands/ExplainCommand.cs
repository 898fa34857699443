using System.CommandLine;
using System.Globalization;
using Penchant.Cli.Infrastructure;
using Penchant.Domain;

namespace Penchant.Cli.Commands;

/// <summary>
/// <c>penchant explain [--user U] [--all-users]</c>: what was learned about the user, or across the tenant, as principles with
/// support and held-back accuracy.
/// </summary>
internal sealed class ExplainCommand : CliCommand
{
    private readonly Option<bool> _allUsers = new("--all-users") { Description = "Explain the whole tenant: principles over every user's pooled judgements, with how many users each describes" };

    public ExplainCommand(GlobalOptions globals, CliEnvironment environment)
        : base("explain", "Explain what was learned about the user (or the tenant): principles from comparisons, choices and edits", globals, environment)
    {
        Options.Add(_allUsers);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        await using EngineHost host = await context.OpenEngineAsync(cancellationToken);
        TextWriter output = context.Environment.Output;
        if (context.ParseResult.GetValue(_allUsers))
        {
            TenantExplanation tenant = await host.Engine.ExplainTenantAsync(context.Tenant, cancellationToken);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{tenant.Judgements} judgements of {tenant.Users} users{(tenant.Truncated ? " (the tenant has more users; raise ExplainMaxUsers to read them)" : string.Empty)}"));
            foreach (TenantPrinciple p in tenant.Principles)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{Describe(p.Principle)}; {p.Users} users hold it on their own"));
            }

            return ExitCodes.Success;
        }

        IReadOnlyList<Principle> principles = await host.Engine.ExplainAsync(context.User, cancellationToken);
        if (principles.Count == 0)
        {
            await output.WriteLineAsync("no principle yet (too few comparisons, choices or edits)");
        }

        foreach (Principle p in principles)
        {
            await output.WriteLineAsync(Describe(p));
        }

        return ExitCodes.Success;
    }

    private static string Describe(Principle p) => string.Create(
        CultureInfo.InvariantCulture,
        $"[{p.Id}] {p.Text}{(p.Status == PrincipleStatus.Confirmed ? " (confirmed)" : string.Empty)}  (support {p.Support}, held-back accuracy {p.Accuracy:0.00} on {p.Tested}; from {string.Join(", ", p.Sources.Take(5))}{(p.Sources.Count > 5 ? ", …" : string.Empty)})");
}
