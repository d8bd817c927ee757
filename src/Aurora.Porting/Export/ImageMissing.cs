namespace Aurora.Porting.Export;

/// The omission for a service that has no `--image`: compose and Kubernetes run images, and an export never
/// invents one.
internal static class ImageMissing
{
    public static void Add(OmissionList list, string service, string format) =>
        list.Add(service, "the service", $"not exported: {format} runs images; name this one's with --image {service}=REF");
}
