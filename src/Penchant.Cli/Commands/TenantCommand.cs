using System.CommandLine;
using Penchant.Cli.Infrastructure;
using Penchant.Storage;

namespace Penchant.Cli.Commands;

/// <summary><c>penchant tenant create NAME</c>: tenants of the HTTP service, kept in the <c>--db</c> database.</summary>
internal sealed class TenantCommand : Command
{
    public TenantCommand(GlobalOptions globals, CliEnvironment environment)
        : base("tenant", "Manage the HTTP service's tenants (one per application)")
    {
        Subcommands.Add(new CreateTenantCommand(globals, environment));
    }

    private sealed class CreateTenantCommand : CliCommand
    {
        private readonly Argument<string> _name = new("name") { Description = "The tenant: letters, digits, '-', '_' or '.'" };

        public CreateTenantCommand(GlobalOptions globals, CliEnvironment environment)
            : base("create", "Create a tenant (harmless if it exists)", globals, environment)
        {
            Arguments.Add(_name);
        }

        protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
        {
            string name = context.ParseResult.GetValue(_name) ?? string.Empty;
            await using KeyStoreHost host = context.OpenKeys();
            IApiKeyStore keys = host.Keys;
            bool created = await keys.CreateTenantAsync(name, cancellationToken);
            await context.Environment.Output.WriteLineAsync(created ? $"Created tenant '{name}'." : $"Tenant '{name}' already exists.");
            return ExitCodes.Success;
        }
    }
}
