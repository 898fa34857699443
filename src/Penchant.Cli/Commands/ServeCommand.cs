using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Penchant.Cli.Infrastructure;
using Penchant.Server;

namespace Penchant.Cli.Commands;

/// <summary><c>penchant serve [--urls URLS]</c>: runs the HTTP service in this process on the <c>--db</c> database.</summary>
internal sealed class ServeCommand : CliCommand
{
    private readonly Option<string?> _urls = new("--urls") { Description = "The addresses to listen on, separated by ';' [default: http://localhost:5000]", HelpName = "URLS" };

    public ServeCommand(GlobalOptions globals, CliEnvironment environment)
        : base("serve", "Run the Penchant HTTP service until Ctrl+C", globals, environment)
    {
        Options.Add(_urls);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        string databasePath = context.ResolveDatabase();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration[ServerHost.DatabaseKey] = databasePath;
        if (context.ParseResult.GetValue(_urls) is { Length: > 0 } urls)
        {
            builder.WebHost.UseUrls(urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }

        builder.AddPenchantServer();
        await using WebApplication app = builder.Build();
        app.MapPenchantServer();
        await app.RunAsync(cancellationToken);
        return ExitCodes.Success;
    }
}
