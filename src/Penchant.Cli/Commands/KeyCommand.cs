using System.CommandLine;
using System.Text.Json;
using Penchant.Cli.Infrastructure;
using Penchant.Storage;

namespace Penchant.Cli.Commands;

/// <summary><c>penchant key create --tenant NAME</c> and <c>penchant key revoke KEY_ID</c>: API keys of the HTTP service.</summary>
internal sealed class KeyCommand : Command
{
    public KeyCommand(GlobalOptions globals, CliEnvironment environment)
        : base("key", "Manage the HTTP service's API keys (stored hashed in the --db database)")
    {
        Subcommands.Add(new CreateKeyCommand(globals, environment));
        Subcommands.Add(new RevokeKeyCommand(globals, environment));
    }

    private sealed class CreateKeyCommand : CliCommand
    {
        public CreateKeyCommand(GlobalOptions globals, CliEnvironment environment)
            : base("create", "Create an API key for the --tenant (printed once; only its hash is stored)", globals, environment)
        {
        }

        protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
        {
            await using KeyStoreHost host = context.OpenKeys();
            IApiKeyStore keys = host.Keys;
            CreatedApiKey key;
            try
            {
                key = await keys.CreateKeyAsync(context.Tenant, cancellationToken);
            }
            catch (ArgumentException exception) when (exception.Message.StartsWith("There is no tenant", StringComparison.Ordinal))
            {
                // Say both ways to a key: create the tenant here, or let the service bootstrap 'default'.
                throw new CliInputException(
                    $"there is no tenant '{context.Tenant}' in this database. Create it with 'penchant tenant create {context.Tenant}', then run this again; " +
                    $"or start the service on this database: whenever tenant '{Domain.UserKey.DefaultTenant}' has no active key it creates one and prints it once.",
                    exception);
            }

            TextWriter output = context.Environment.Output;
            if (context.Json)
            {
                using var buffer = new MemoryStream();
                await using (var writer = new Utf8JsonWriter(buffer))
                {
                    writer.WriteStartObject();
                    writer.WriteString("keyId", key.KeyId);
                    writer.WriteString("tenant", key.TenantId);
                    writer.WriteString("key", key.Key);
                    writer.WriteEndObject();
                }

                await output.WriteLineAsync(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
            }
            else
            {
                await output.WriteLineAsync(key.Key);
                await context.Environment.Error.WriteLineAsync($"Created key {key.KeyId} for tenant '{key.TenantId}'. Send it as 'Authorization: Bearer <key>'; it is not shown again.");
            }

            return ExitCodes.Success;
        }
    }

    private sealed class RevokeKeyCommand : CliCommand
    {
        private readonly Argument<string> _keyId = new("key-id") { Description = "The key's identifier (or the whole key)" };

        public RevokeKeyCommand(GlobalOptions globals, CliEnvironment environment)
            : base("revoke", "Revoke an API key: the service refuses it from the next request on", globals, environment)
        {
            Arguments.Add(_keyId);
        }

        protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
        {
            string keyId = context.ParseResult.GetValue(_keyId) ?? string.Empty;
            await using KeyStoreHost host = context.OpenKeys();
            IApiKeyStore keys = host.Keys;
            if (!await keys.RevokeKeyAsync(keyId, cancellationToken))
            {
                throw new CliInputException($"There is no active key '{keyId}'.");
            }

            await context.Environment.Output.WriteLineAsync($"Revoked key {keyId}.");
            return ExitCodes.Success;
        }
    }
}
