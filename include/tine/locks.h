/*
 * POSIX record locks (kernel/fs/locks.c): fcntl F_GETLK, F_SETLK and
 * F_SETLKW, owned by a process's fd table and dropped when it closes any
 * fd of the file.
 */
#ifndef TINE_LOCKS_H
#define TINE_LOCKS_H

#include <tine/types.h>
#include <tine/uaccess.h>

struct file;
struct inode;
struct files_struct;

long fcntl_getlk(struct file *f, void __user *arg);
long fcntl_setlk(struct file *f, bool wait, void __user *arg);
/* owner closes an fd of f: drop all its locks on f's inode. */
void locks_remove_posix(struct file *f, struct files_struct *owner);
/* The inode is being freed: free its lock bookkeeping. */
void locks_free_inode(struct inode *ino);

#endif
