import express from 'express';
express().listen(47120);
