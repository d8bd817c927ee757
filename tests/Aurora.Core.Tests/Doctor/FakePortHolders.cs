using Aurora.Core.Doctor.Ports;

namespace Aurora.Core.Tests.Doctor;

internal sealed class FakePortHolders(params PortHolder[] holders) : IPortHolders
{
    public PortHolder? Holder(int port) => holders.FirstOrDefault(h => h.Port == port);
}
