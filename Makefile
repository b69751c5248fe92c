# Every target goes through build.sh, which finds a JDK >= 21 by itself.
.PHONY: all jar test bench run clean
ARGS ?= daemon

all: jar

jar:
	./build.sh jar

test:
	./build.sh test

bench:
	./build.sh bench

run:
	./build.sh run $(ARGS)

clean:
	./build.sh clean
