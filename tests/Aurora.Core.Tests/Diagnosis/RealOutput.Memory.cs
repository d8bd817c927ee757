namespace Aurora.Core.Tests.Diagnosis;

internal static partial class RealOutput
{
    public const string PythonMemoryError = """
        Traceback (most recent call last):
          File "<string>", line 5, in <module>
        MemoryError
        """;

    public const string DotnetOutOfMemory = """
        fatal: System.OutOfMemoryException: Exception of type 'System.OutOfMemoryException' was thrown.
           at Program.<<Main>$>g__Hog|0_0() in /tmp/cap/dn/app/Program.cs:line 13
        Out of memory.
        """;

    public const string JavaOutOfMemory = """
        Exception in thread "main" java.lang.OutOfMemoryError: Java heap space
        	at Hog.main(Hog.java:2)
        """;

    public const string V8HeapOutOfMemory = """

        <--- Last few GCs --->

        [1807:0x402e4ef0]      676 ms: Mark-Compact (reduce) 23.9 (40.8) -> 23.9 (25.5) MB, 88.48 / 0.01 ms  (+ 0.2 ms in 3 steps since start of marking, biggest step 0.2 ms, walltime since start of marking 99 ms) (average mu = 0.075, current mu = 0.112) finalize

        <--- JS stacktrace --->

        FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory
        ----- Native stack trace -----

         1: 0xb78db3 node::OOMErrorHandler(char const*, v8::OOMDetails const&) [node]
         2: 0xee8300 v8::Utils::ReportOOMFailure(v8::internal::Isolate*, char const*, v8::OOMDetails const&) [node]
         3: 0xee85e7 v8::internal::V8::FatalProcessOutOfMemory(v8::internal::Isolate*, char const*, v8::OOMDetails const&) [node]
         4: 0x10fb205  [node]
         5: 0x1113088 v8::internal::Heap::CollectGarbage(v8::internal::AllocationSpace, v8::internal::GarbageCollectionReason, v8::GCCallbackFlags) [node]
         6: 0x1114ffa v8::internal::Heap::HandleGCRequest() [node]
         7: 0x1080237 v8::internal::StackGuard::HandleInterrupts() [node]
         8: 0x1523dda v8::internal::Runtime_StackGuard(int, unsigned long*, v8::internal::Isolate*) [node]
         9: 0x195e476  [node]
        """;
}
