#include <stdio.h>
#include <unistd.h>
int greet(void);
int main(void) {
    printf("greeting %d\n", greet());
    fflush(stdout);
    for (;;) pause();
}
