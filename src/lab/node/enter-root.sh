#!/bin/sh
# enter-root.sh NODE_DIR HIDE_DIR
#
# First step of a lab node's boot, run by tini (the node's PID 1) in the node's fresh
# mount/UTS/IPC/PID namespaces, already inside its network namespace (src/lab/runtime/boot.ts).
# Builds the node's root: the host rootfs as the overlay's lower layer, NODE_DIR/upper as the
# node's own layer (its /etc/frr, /etc/ssh, ... and every later write), fresh /proc (own PID ns),
# /sys (own netns), /dev/pts, /run, /tmp and /dev/shm; hides HIDE_DIR (all labs' node layers);
# then pivots into it and runs the node's init. Mounts live only in this mount namespace: they
# vanish with the node. See ../shared/notes/lab-node-recipe.md.
set -eu
node_dir=$1
hide_dir=$2
root=$node_dir/merged

mount --make-rprivate /
mount -t overlay overlay -o "lowerdir=/,upperdir=$node_dir/upper,workdir=$node_dir/work" "$root"
mount -t proc proc "$root/proc"
mount -t sysfs sysfs "$root/sys"
mount --rbind /dev "$root/dev"
mount -t devpts -o newinstance,ptmxmode=0666,mode=620,gid=5 devpts "$root/dev/pts"
mount -t tmpfs -o mode=1777,nosuid,nodev tmpfs "$root/dev/shm"
mount -t tmpfs -o mode=0755,nosuid,nodev tmpfs "$root/run"
mount -t tmpfs -o mode=1777,nosuid,nodev tmpfs "$root/tmp"
mount -t tmpfs -o mode=0755 tmpfs "$root$hide_dir"

cd "$root"
mkdir -p .oldroot
pivot_root . .oldroot
exec chroot . /bin/sh -c 'umount -l /.oldroot && rmdir /.oldroot && cd / && exec /usr/local/sbin/labnode-init'
