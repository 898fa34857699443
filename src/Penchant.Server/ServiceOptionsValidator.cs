using Microsoft.Extensions.Options;

namespace Penchant.Server;

/// <summary>Validates <see cref="ServiceOptions"/> at start-up (generated from its data annotations).</summary>
[OptionsValidator]
public sealed partial class ServiceOptionsValidator : IValidateOptions<ServiceOptions>
{
}
