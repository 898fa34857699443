using Microsoft.Extensions.AI;
using Penchant.Domain;
using Penchant.Learning.Feedback;

namespace Penchant.AI;

/// <summary>Settings shared by <see cref="PreferenceChatClient"/> and <see cref="PreferenceContextProvider"/>.</summary>
/// <remarks>Set them before the first request; changing them while requests run is not thread-safe.</remarks>
public sealed class PreferenceMiddlewareOptions
{
    /// <summary>The <see cref="ChatOptions.AdditionalProperties"/> key the default resolver reads the user from: a <see cref="UserKey"/> or a user id string.</summary>
    public const string UserPropertyName = "penchant.user";

    /// <summary>The <see cref="ChatMessage.AdditionalProperties"/> key under which an answer carries the identifiers of the preferences applied to it (comma-separated).</summary>
    public const string AppliedPropertyName = "penchant.applied";

    /// <summary>The line that opens the preference block.</summary>
    public const string BlockStart = "<user_preferences>";

    /// <summary>The line that closes the preference block.</summary>
    public const string BlockEnd = "</user_preferences>";

    /// <summary>Initializes a new instance of the <see cref="PreferenceMiddlewareOptions"/> class with the defaults.</summary>
    public PreferenceMiddlewareOptions() => UserResolver = DefaultUserResolver;

    /// <summary>Gets or sets the tenant the default resolver puts users in.</summary>
    /// <value>The default is <see cref="UserKey.DefaultTenant"/>.</value>
    public string Tenant { get; set; } = UserKey.DefaultTenant;

    /// <summary>
    /// Gets or sets how the user is identified from a request's messages and options; <see langword="null"/> means the request
    /// is passed through unchanged (nothing observed, selected or learned).
    /// </summary>
    /// <value>
    /// The default reads <see cref="ChatOptions.AdditionalProperties"/>[<see cref="UserPropertyName"/>] (a <see cref="UserKey"/>, or a
    /// string user id in <see cref="Tenant"/>), and otherwise the <see cref="ChatMessage.AuthorName"/> of the last user message.
    /// </value>
    public Func<IReadOnlyList<ChatMessage>, ChatOptions?, UserKey?> UserResolver { get; set; }

    /// <summary>Gets or sets where the preference block goes.</summary>
    /// <value>The default is <see cref="PreferencePlacement.AfterSystemMessages"/>.</value>
    public PreferencePlacement Placement { get; set; } = PreferencePlacement.AfterSystemMessages;

    /// <summary>Gets or sets how a selection becomes the text of the system message.</summary>
    /// <value>The default wraps <see cref="Selection.PromptBlock"/> in <see cref="BlockStart"/> and <see cref="BlockEnd"/> lines.</value>
    public Func<Selection, string> FormatBlock { get; set; } = static selection => $"{BlockStart}\n{selection.PromptBlock}\n{BlockEnd}";

    /// <summary>Gets or sets a value indicating whether new user turns are observed for the preferences they state.</summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool ObserveTurns { get; set; } = true;

    /// <summary>Gets or sets a value indicating whether the user's reaction to the previous answer is classified and learned from.</summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool LearnFromReactions { get; set; } = true;

    /// <summary>Gets or sets a value indicating whether the selected preferences are injected into the request.</summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool ApplyPreferences { get; set; } = true;

    /// <summary>Gets or sets the classifier for reactions; <see langword="null"/> lets the engine classify with its own.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public IReactionClassifier? ReactionClassifier { get; set; }

    /// <summary>Gets or sets a value indicating whether a failure of the preference engine lets the request through without preferences (logged as a warning) instead of failing it.</summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool FailOpen { get; set; } = true;

    /// <summary>Gets or sets the longest message observed, in characters; longer ones (pasted documents) are skipped.</summary>
    /// <value>The default is 16,000 characters, the engine's default limit.</value>
    public int MaxObservedLength { get; set; } = 16_000;

    /// <summary>Gets or sets a value indicating whether telemetry and Trace logs may carry user content (messages, the injected block).</summary>
    /// <value>The default is <see langword="false"/>.</value>
    public bool EnableSensitiveData { get; set; }

    /// <summary>The default user resolver (see <see cref="UserResolver"/>).</summary>
    /// <param name="messages">The request's messages.</param>
    /// <param name="options">The request's options.</param>
    /// <returns>The user, or <see langword="null"/> when the request names none.</returns>
    public UserKey? DefaultUserResolver(IReadOnlyList<ChatMessage> messages, ChatOptions? options)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (options?.AdditionalProperties is { } properties && properties.TryGetValue(UserPropertyName, out object? value))
        {
            switch (value)
            {
                case UserKey key:
                    return key;
                case string { Length: > 0 } id:
                    return UserKey.Create(Tenant, id);
            }
        }

        for (int i = messages.Count - 1; i >= 0; i--)
        {
            if (messages[i].Role == ChatRole.User)
            {
                return messages[i].AuthorName is { Length: > 0 } author ? UserKey.Create(Tenant, author) : null;
            }
        }

        return null;
    }
}
