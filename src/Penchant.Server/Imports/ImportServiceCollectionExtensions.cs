namespace Penchant.Server.Imports;

/// <summary>Registers bulk imports in the service: the spool and the background worker.</summary>
internal static class ImportServiceCollectionExtensions
{
    /// <summary>Adds <see cref="ImportJobs"/> and <see cref="ImportWorker"/>, with <see cref="ImportOptions.Directory"/> defaulting to <paramref name="defaultDirectory"/>.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration (section <see cref="ImportOptions.Section"/>).</param>
    /// <param name="defaultDirectory">The folder used when none is configured.</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddPenchantImports(this IServiceCollection services, IConfiguration configuration, string defaultDirectory)
    {
        services.AddOptions<ImportOptions>()
            .Bind(configuration.GetSection(ImportOptions.Section))
            .PostConfigure(options => options.Directory = string.IsNullOrWhiteSpace(options.Directory) ? defaultDirectory : options.Directory);
        services.AddOptionsWithValidateOnStart<ImportOptions, ImportOptionsValidator>();
        services.AddSingleton<ImportJobs>();
        services.AddHostedService<ImportWorker>();
        return services;
    }
}
