// A console chat that remembers what you want. Talk to any OpenAI-compatible endpoint:
//   OPENAI_API_KEY=... [OPENAI_BASE_URL=https://api.openai.com/v1] [OPENAI_MODEL=gpt-4o-mini] dotnet run --project samples/ChatWithPreferences
// or, with no OPENAI_API_KEY, offline against a local stand-in model that shows what a model would receive.
// Commands: /prefs lists what Penchant has learned, /quit leaves. PENCHANT_USER names you (default "me");
// PENCHANT_DB is the SQLite file (default: a file in the temporary folder).
using System.ClientModel;
using ChatWithPreferences;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using OpenAI;
using Penchant;
using Penchant.AI;
using Penchant.Domain;

string user = Environment.GetEnvironmentVariable("PENCHANT_USER") is { Length: > 0 } u ? u : "me";
string database = Environment.GetEnvironmentVariable("PENCHANT_DB") is { Length: > 0 } d ? d : Path.Combine(Path.GetTempPath(), "penchant-chat-sample.db");

IChatClient model;
if (Environment.GetEnvironmentVariable("OPENAI_API_KEY") is { Length: > 0 } key)
{
    string modelName = Environment.GetEnvironmentVariable("OPENAI_MODEL") is { Length: > 0 } m ? m : "gpt-4o-mini";
    var options = new OpenAIClientOptions();
    if (Environment.GetEnvironmentVariable("OPENAI_BASE_URL") is { Length: > 0 } endpoint)
    {
        options.Endpoint = new Uri(endpoint);
    }

    model = new OpenAIClient(new ApiKeyCredential(key), options).GetChatClient(modelName).AsIChatClient();
    Console.WriteLine($"Chatting with {modelName}. /prefs lists your preferences, /quit leaves.");
}
else
{
    model = new LocalStandInChatClient();
    Console.WriteLine("No OPENAI_API_KEY: chatting offline with a local stand-in model that shows what a real model would receive.");
    Console.WriteLine("Try: \"I'm vegetarian and I hate long answers.\", then \"Suggest a dinner recipe.\", then \"Plan a weekend in Rome.\"  (/prefs, /quit)");
}

var services = new ServiceCollection();
services.AddPenchant().UseSqlite(database).UseMiniLmEmbeddings();
services.AddChatClient(model).UsePreferences();   // the one line
await using ServiceProvider provider = services.BuildServiceProvider();

IChatClient chat = provider.GetRequiredService<IChatClient>();
IPenchant penchant = provider.GetRequiredService<IPenchant>();
var chatOptions = new ChatOptions { AdditionalProperties = new() { [PreferenceMiddlewareOptions.UserPropertyName] = user } };
List<ChatMessage> history = [new(ChatRole.System, "You are a helpful, concise assistant.")];

while (true)
{
    Console.Write("\nyou> ");
    string? line = Console.ReadLine();
    if (line is null || line.Trim() == "/quit")
    {
        break;
    }

    if (string.IsNullOrWhiteSpace(line))
    {
        continue;
    }

    if (line.Trim() == "/prefs")
    {
        foreach (Preference p in await penchant.ListAsync(UserKey.Create(UserKey.DefaultTenant, user)))
        {
            Console.WriteLine($"  - {p.Text}  (acceptance {p.Acceptance:0.00}{(p.Scope.Text is { } scope ? $", scope: {scope}" : string.Empty)})");
        }

        continue;
    }

    history.Add(new ChatMessage(ChatRole.User, line));
    Console.Write("assistant> ");
    List<ChatResponseUpdate> updates = [];
    await foreach (ChatResponseUpdate update in chat.GetStreamingResponseAsync(history, chatOptions))
    {
        Console.Write(update.Text);
        updates.Add(update);
    }

    history.AddMessages(updates);
    Console.WriteLine();
}
